package io.hotswap.benchmarks.peers;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A peer host and how to start it as a process: on the JDK that runs the caller
 * ({@code java.home}), with a class path of the host's own classes and its framework's jars only,
 * and the JVM options the image gives its launchers, so that it starts as {@code bin/hello} does
 * but for the framework.
 */
public enum PeerHost {

    /** {@link Pf4jHost}: PF4J, its version library, SLF4J and the SLF4J provider in use (slf4j-simple, as in the image). */
    PF4J("PF4J 3.15.0", Pf4jHost.class, org.pf4j.Plugin.class, com.github.zafarkhaja.semver.Version.class,
            org.slf4j.LoggerFactory.class, org.slf4j.LoggerFactory.getILoggerFactory().getClass()),
    /** {@link FelixHost}: the framework jar, which holds the OSGi API too; Felix logs without SLF4J. */
    FELIX("Felix 7.0.5", FelixHost.class, org.apache.felix.framework.Felix.class);

    /** What the image adds to every launcher's command line ({@code jlink --add-options} in jlink/pom.xml). */
    private static final List<String> IMAGE_OPTIONS = List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

    private final String label;
    private final Class<?> main;
    private final List<Path> classPath;

    PeerHost(String label, Class<?> main, Class<?>... framework) {
        this.label = label;
        this.main = main;
        Set<Path> jars = new LinkedHashSet<>();
        jars.add(location(main));
        for (Class<?> c : framework) {
            jars.add(location(c));
        }
        this.classPath = List.copyOf(jars);
    }

    /** The framework and its version, {@code PF4J 3.15.0}. */
    public String label() {
        return label;
    }

    /** The jars (or class directories) on the host's class path, in order. */
    public List<Path> classPath() {
        return classPath;
    }

    /** The JVM the host runs on: the caller's own. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The host's command line: load the plugins of {@code pluginDir}; {@code cacheDir} is where
     * a host that keeps state between starts keeps it (Felix's bundle cache, emptied at start).
     */
    public List<String> command(Path pluginDir, Path cacheDir) {
        List<String> command = new ArrayList<>(List.of(java().toString()));
        command.addAll(IMAGE_OPTIONS);
        command.addAll(List.of("-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                main.getName(), pluginDir.toString()));
        if (this == FELIX) {
            command.add(cacheDir.toString());
        }
        return command;
    }

    /** The jar (or class directory) a class was loaded from. */
    public static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no file location for " + c, e);
        }
    }
}
