package io.hotswap.runtime.leak;

import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Never loaded by the runtime's own loader: {@link JdbcDrivers} defines these bytes in a loader
 * whose parent is the freed version's. {@code DriverManager.getDrivers()} lists only the drivers
 * its caller's loader can see, so the caller must be a class of such a loader, as Tomcat's
 * {@code JdbcLeakPrevention} is a class of the web application's loader.
 */
public final class DriverProbe implements Supplier<List<String>> {

    public DriverProbe() {
    }

    /** The class names of the drivers registered in {@code DriverManager} that the parent loader defined. */
    @Override
    public List<String> get() {
        ClassLoader freed = DriverProbe.class.getClassLoader().getParent();
        List<String> names = new ArrayList<>();
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            Driver d = drivers.nextElement();
            if (d.getClass().getClassLoader() == freed) {
                names.add(d.getClass().getName());
            }
        }
        return names;
    }
}
