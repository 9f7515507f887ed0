package io.hotswap.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as a live function, or a class as a live type, whatever its name. Without
 * this annotation a static method or class is live when its (simple) name starts with the live
 * prefix, {@code live_} by default, compared case-insensitively.
 *
 * <p>The live name is {@link #value()} when given, else the method's name or the class's simple
 * name, unchanged: the prefix is part of the name ({@code live_send}, not {@code send}).
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Live {

    /** An explicit live name; empty (the default) means the method's or class's own name. */
    String value() default "";
}
