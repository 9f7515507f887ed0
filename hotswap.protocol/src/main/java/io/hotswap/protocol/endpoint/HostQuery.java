package io.hotswap.protocol.endpoint;

import io.hotswap.protocol.HostEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Which running host a client means: the one of a swapper name, of a process id, or, with
 * neither, the only host running for this user. {@code hotswap reload}/{@code status} and the
 * Maven plugin's {@code hotswap:reload} choose their host by this one rule.
 *
 * @param name the swapper's name, if the host is chosen by it
 * @param pid  the host's process id, if the host is chosen by it
 * @since 0.2
 */
public record HostQuery(Optional<String> name, OptionalLong pid) {

    public HostQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pid, "pid");
    }

    /** The only host running. */
    public static HostQuery any() {
        return new HostQuery(Optional.empty(), OptionalLong.empty());
    }

    /** The host whose swapper is named {@code name}. */
    public static HostQuery named(String name) {
        return new HostQuery(Optional.of(name), OptionalLong.empty());
    }

    /** The host in process {@code pid}. */
    public static HostQuery pid(long pid) {
        return new HostQuery(Optional.empty(), OptionalLong.of(pid));
    }

    /** Whether {@code host} is one this query means. */
    public boolean matches(HostEntry host) {
        return (name.isEmpty() || name.get().equals(host.name())) && (pid.isEmpty() || pid.getAsLong() == host.pid());
    }

    /**
     * The one live host of {@code dir} this query means.
     *
     * @throws HostSelectionException if none or several match; the message lists the hosts running
     */
    public HostEntry selectFrom(EndpointDirectory dir) {
        List<HostEntry> matching = dir.hosts(this);
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            // Only now every sidecar: the message lists what is running instead.
            List<HostEntry> hosts = dir.hosts();
            throw new HostSelectionException(HostSelectionException.Reason.NONE, "found no " + this
                    + " with a management endpoint in " + dir + (hosts.isEmpty() ? "" : "; running: " + describe(hosts)));
        }
        throw new HostSelectionException(HostSelectionException.Reason.SEVERAL,
                "several hosts match: " + describe(matching));
    }

    private static String describe(List<HostEntry> hosts) {
        return hosts.stream().map(h -> h.name() + " (pid " + h.pid() + ")").collect(Collectors.joining(", "));
    }

    /** {@code host named hello}, {@code host with pid 42}, {@code host}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("host");
        name.ifPresent(n -> sb.append(" named ").append(n));
        pid.ifPresent(p -> sb.append(name.isPresent() ? " and" : "").append(" with pid ").append(p));
        return sb.toString();
    }
}
