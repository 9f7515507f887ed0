package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web demo from the image: a client keeps asking while reload.sh swaps the page, and no request fails. */
class WebDemoIT {

    @TempDir
    Path work;

    @Test
    void noRequestFailsWhileReloadShSwapsThePageAndTheNextOnesGetTheNewPage() throws Exception {
        try (DemoScripts demo = new DemoScripts("web", work).environment("WEB_PORT", "0")) {
            RunningHost host = demo.startUntilReady(List.of("page v1: serving"));
            String serving = host.output().await("serving http://127\\.0\\.0\\.1:\\d+/", 0, Timeouts.STEP).text();
            URI uri = URI.create(serving.substring(serving.indexOf("http"))).resolve("/hello");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThat(get(client, uri).body()).isEqualTo("page v1: hello from /hello\n");

            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicLong answered = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread asking = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = get(client, uri);
                        if (r.statusCode() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException e) {
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "web-it-client");
            asking.start();
            try {
                ScriptResult reload = demo.reload();
                assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();
                Awaitility.await().atMost(Timeouts.STEP).until(() -> get(client, uri).body().startsWith("page v2"));
                long before = answered.get();
                // Still answered after the swap, by the new page.
                Awaitility.await().atMost(Timeouts.STEP).until(() -> answered.get() > before);
            } finally {
                stop.set(true);
                asking.join(Timeouts.STEP.toMillis());
            }

            assertThat(failures).as("requests that failed during the reload").isEmpty();
            host.output().await("page v1: freed", 0, Timeouts.STEP);
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
