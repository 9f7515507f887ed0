package io.hotswap.runtime.live.bind;

/** Where a plugin's live names came from when its generation was bound. */
public enum LiveSource {
    /** The live index in the plugin jar. */
    INDEX,
    /** A ClassGraph scan of the plugin's module: the jar has no index, or one made with another prefix. */
    SCAN
}
