/**
 * What still holds a freed plugin version, found cheaply: live threads that run its code or carry
 * its class loader, JDBC drivers of its classes registered in {@code java.sql.DriverManager},
 * {@code java.util.logging} handlers, formatters and filters of its classes on the JDK's loggers,
 * and, where {@code java.lang} is open to the runtime ({@code --add-opens
 * java.base/java.lang=io.hotswap.runtime}), shutdown hooks and {@code ThreadLocal} values of its
 * classes. A check the JDK does not let the runtime make is skipped, never forced. Internal to
 * the runtime: not exported. Nothing here is null.
 */
package io.hotswap.runtime.leak;
