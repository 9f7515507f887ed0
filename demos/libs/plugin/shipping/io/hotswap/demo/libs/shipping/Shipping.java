package io.hotswap.demo.libs.shipping;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.hotswap.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the host's {@code json} call with the Gson version it runs and a parcel label written
 * with Gson's tree model: the call's number as a JSON object. The Gson is the one nested in this
 * plugin's jar, resolved into this version's layer, whatever Gson another plugin carries.
 */
public final class Shipping implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(Shipping.class);

    /**
     * The version of the Gson module this class is linked to, from its module descriptor: what
     * was resolved into the layer, not what a file name or a manifest claims.
     */
    private static final String GSON = Gson.class.getModule().getDescriptor().rawVersion().orElse("unknown");

    // Thread-safe and reusable; it belongs to this version's layer and leaves memory with it.
    private final Gson gson = new Gson();

    @Override
    public void onLoad(Object data) {
        log.info("shipping {}: loaded with Gson {}", STAMP, GSON);
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        return switch (name) {
            case "json" -> "shipping " + STAMP + " runs Gson " + GSON + ": " + gson.toJson(label(params));
            default -> throw new UnsupportedOperationException("shipping has no function '" + name + "'");
        };
    }

    @Override
    public void onFree() {
        log.info("shipping {}: freed (Gson {})", STAMP, GSON);
    }

    /** {@code {"n": <the call's number>}}, built as a tree: JDK and Gson types only, no reflection. */
    private static JsonObject label(Object... params) {
        JsonObject label = new JsonObject();
        if (params.length > 0 && params[0] instanceof Number n) {
            label.addProperty("n", n);
        }
        return label;
    }
}
