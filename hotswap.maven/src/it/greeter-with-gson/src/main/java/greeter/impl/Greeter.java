package greeter.impl;

import com.google.gson.JsonObject;
import io.hotswap.api.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Greets in JSON, made with its own Gson; its version comes from a filtered resource. */
public final class Greeter implements Plugin {

    static final String VERSION = version();

    @Override
    public Object invokeFunc(String name, Object... params) {
        return live_greet(String.valueOf(params[0]));
    }

    public static String live_greet(String who) {
        JsonObject greeting = new JsonObject();
        greeting.addProperty("greeting", "hello " + who);
        greeting.addProperty("version", VERSION);
        return greeting.toString();
    }

    private static String version() {
        try (InputStream in = Greeter.class.getResourceAsStream("version.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
