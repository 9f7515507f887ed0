package io.hotswap.demo.extension.spi;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The extension object of the extension demo: the host makes a new one for every generation and
 * the plugins install their functions in it during {@code onInit}; the host then calls them.
 *
 * <p>Thread-safe: installed once on the reload thread, read by the host's timer thread.
 */
public final class Greetings {

    private volatile UnaryOperator<String> greeter;

    /** Installs the function that greets a visitor; the last plugin to install one wins. */
    public void installGreeter(UnaryOperator<String> greeter) {
        this.greeter = Objects.requireNonNull(greeter, "greeter");
    }

    /**
     * The greeting for {@code visitor} from the installed function.
     *
     * @throws IllegalStateException if no plugin installed a greeter in this generation
     */
    public String greet(String visitor) {
        UnaryOperator<String> g = greeter;
        if (g == null) {
            throw new IllegalStateException("no plugin installed a greeter in this generation");
        }
        return g.apply(visitor);
    }
}
