package io.hotswap.demo.trine.beta;

/** What beta exports to the plugins that require it. */
public interface Beta {

    /** The middle step of a pulse: passes it on to alpha. */
    String relay(long pulse);
}
