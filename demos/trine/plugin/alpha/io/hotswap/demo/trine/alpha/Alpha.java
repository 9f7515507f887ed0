package io.hotswap.demo.trine.alpha;

/** What alpha exports to the plugins that require it. */
public interface Alpha {

    /** This version's stamp. */
    String stamp();

    /** The innermost step of a pulse. */
    String answer(long pulse);
}
