package io.hotswap.demo.libs.billing;

import com.google.gson.Gson;
import io.hotswap.api.Plugin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the host's {@code json} call with the Gson version it runs and a small Gson job: the
 * call's number as a JSON object. The Gson is the one nested in this plugin's jar, resolved into
 * this version's layer, whatever Gson another plugin carries.
 */
public final class Billing implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(Billing.class);

    // Thread-safe and reusable; it belongs to this version's layer and leaves memory with it.
    private final Gson gson = new Gson();

    @Override
    public void onLoad(Object data) {
        log.info("billing {}: loaded with Gson {}", STAMP, gsonVersion());
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        if (name.equals("json")) {
            // A plain JDK map of a Long: Gson writes it on java.base alone, with no reflection on
            // plugin types and no sun.misc.Unsafe (Gson's optional jdk.unsupported): demos/libs/README.md.
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("n", params.length > 0 ? params[0] : null);
            return "billing " + STAMP + " runs Gson " + gsonVersion() + ": " + gson.toJson(invoice);
        }
        throw new UnsupportedOperationException("billing has no function '" + name + "'");
    }

    @Override
    public void onFree() {
        log.info("billing {}: freed (Gson {})", STAMP, gsonVersion());
    }

    /**
     * The version of the Gson module this class is linked to, from its module descriptor: what
     * was resolved into the layer, not what a file name or a manifest claims.
     */
    private static String gsonVersion() {
        return Gson.class.getModule().getDescriptor().rawVersion().orElse("unknown");
    }
}
