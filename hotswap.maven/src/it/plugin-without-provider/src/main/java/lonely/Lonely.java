package lonely;

/** A plugin class nobody provides. */
public final class Lonely implements io.hotswap.api.Plugin {
}
