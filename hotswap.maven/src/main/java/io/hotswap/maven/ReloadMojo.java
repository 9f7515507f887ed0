package io.hotswap.maven;

import io.hotswap.protocol.Command;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostEntry;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.endpoint.EndpointClient;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.protocol.endpoint.HostQuery;
import io.hotswap.protocol.endpoint.HostSelectionException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hotswap:reload}: reloads the plugin directory of a running host through its management
 * endpoint, as {@code hotswap reload} does (the same host choice, {@link HostQuery}, and protocol),
 * and prints the outcome per plugin; a failed reload fails the build with the plugin, the step and
 * the cause, and the host keeps serving its current generation. An aggregator: in
 * {@code mvn package hotswap:reload} it runs once, after every module is packaged.
 */
@Mojo(name = "reload", aggregator = true, requiresProject = false, threadSafe = true)
public final class ReloadMojo extends AbstractMojo {

    /** The host's swapper name; with neither it nor {@link #pid}, the only host running. */
    @Parameter(property = "hotswap.host")
    String host;

    /** The host's process id, to choose among hosts of one name. */
    @Parameter(property = "hotswap.pid")
    Long pid;

    /** Where hosts put their sockets (default: {@code $XDG_RUNTIME_DIR}, else the temp directory). */
    @Parameter(property = "hotswap.runtimeDir")
    File runtimeDir;

    /** Give up waiting for the host's answer after this many seconds. */
    @Parameter(property = "hotswap.timeout", defaultValue = "120")
    long timeout;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (timeout <= 0) {
            throw new MojoExecutionException("hotswap.timeout must be a positive number of seconds, was " + timeout);
        }
        HostQuery query = new HostQuery(Optional.ofNullable(host), pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
        EndpointDirectory dir = runtimeDir == null ? EndpointDirectory.forCurrentUser() : EndpointDirectory.under(runtimeDir.toPath());
        HostEntry target;
        try {
            target = query.selectFrom(dir);
        } catch (HostSelectionException e) {
            throw new MojoFailureException("hotswap:reload: " + e.getMessage()
                    + (e.reason() == HostSelectionException.Reason.SEVERAL ? "; pick one with -Dhotswap.pid" : ""), e);
        }
        Reply reply;
        try {
            reply = EndpointClient.send(target.socket(), new Request(Command.RELOAD), Duration.ofSeconds(timeout));
        } catch (IOException e) {
            throw new MojoExecutionException("hotswap:reload: cannot talk to host " + target.name() + " at " + target.socket()
                    + ": " + e.getMessage(), e);
        }
        if (reply instanceof ErrorReply failed) {
            throw new MojoFailureException("reload of host " + target.name() + " failed"
                    + failed.plugin().map(p -> ": plugin " + p).orElse("")
                    + failed.step().map(s -> ", step " + s).orElse("")
                    + ": " + failed.error() + "; the host keeps serving its current generation");
        }
        if (!(reply instanceof ReloadReply reloaded)) {
            throw new MojoExecutionException("hotswap:reload: host " + target.name() + " answered "
                    + Command.RELOAD.wireName() + " with a reply of another kind");
        }
        getLog().info(target.name() + " " + reloaded.details().headline());
        reloaded.details().outcomeLines().forEach(line -> getLog().info("  " + line));
    }
}
