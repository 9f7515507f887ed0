package io.hotswap.benchmarks.peers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * A Felix 7.0.5 host: a new framework with a clean bundle cache installs and starts every bundle
 * jar of the plugin directory, the {@code Supplier} service is looked up, called once and its
 * answer printed ({@link FirstAnswer}); then the framework is stopped and the process exits.
 *
 * <p>Usage: {@code FelixHost <bundleDir> <cacheDir>}; the cache is emptied at every start.
 */
public final class FelixHost {

    private static final long STOP_TIMEOUT_MS = 60_000;

    private FelixHost() {
    }

    public static void main(String[] args) throws BundleException, IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FelixHost <bundleDir> <cacheDir>");
        }
        Path dir = Path.of(args[0]);
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, args[1],
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
                for (Path jar : jars) {
                    bundles.add(context.installBundle(jar.toUri().toString()));
                }
            }
            for (Bundle b : bundles) {
                b.start();
            }
            @SuppressWarnings("rawtypes")
            ServiceReference<Supplier> ref = context.getServiceReference(Supplier.class);
            if (ref == null) {
                throw new IllegalStateException("Felix host: no bundle of " + dir + " registered a Supplier service (bundles: "
                        + bundles.stream().map(Bundle::getSymbolicName).toList() + ")");
            }
            Supplier<?> s = context.getService(ref);
            System.out.println(FirstAnswer.line(s.get()));
            context.ungetService(ref);
        } finally {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        }
    }
}
