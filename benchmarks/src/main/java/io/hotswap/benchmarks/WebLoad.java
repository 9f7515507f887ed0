package io.hotswap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP load generator for the web benchmark: {@code wrk} where it is on the PATH (Debian's
 * package {@code wrk}), otherwise closed-loop clients on the JDK's {@code HttpClient}, one
 * request in flight per connection. A failed request is a status other than 2xx or a socket error.
 */
sealed interface WebLoad permits WebLoad.Wrk, WebLoad.Jdk {

    /**
     * What one block of load saw.
     *
     * @param requests  requests completed, failed ones included
     * @param failed    non-2xx answers and socket errors
     * @param nanos     how long the block ran
     * @param latencies request latencies: how many requests took each number of microseconds
     */
    record Result(long requests, long failed, long nanos, SortedMap<Long, Long> latencies) {

        public Result {
            latencies = Collections.unmodifiableSortedMap(new TreeMap<>(latencies));
        }

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        /** The 99th percentile of request latency, over every request of the block (or blocks). */
        long p99Nanos() {
            long total = latencies.values().stream().mapToLong(Long::longValue).sum();
            long rank = (long) Math.ceil(total * 0.99);
            long seen = 0;
            for (Map.Entry<Long, Long> e : latencies.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey() * 1_000;
                }
            }
            throw new IllegalStateException("no request latency was recorded");
        }

        /** Blocks of the same phase as one: their requests, failures, times and latencies added up. */
        static Result sum(List<Result> blocks) {
            SortedMap<Long, Long> latencies = new TreeMap<>();
            long requests = 0;
            long failed = 0;
            long nanos = 0;
            for (Result b : blocks) {
                requests += b.requests();
                failed += b.failed();
                nanos += b.nanos();
                b.latencies().forEach((micros, n) -> latencies.merge(micros, n, Long::sum));
            }
            return new Result(requests, failed, nanos, latencies);
        }
    }

    /** Loads {@code uri} for {@code time}. */
    Result run(URI uri, Duration time) throws Exception;

    String describe();

    /** {@code wrk} if installed, else the JDK's client. */
    static WebLoad pick(int connections) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path wrk = Path.of(dir, "wrk");
            if (!dir.isEmpty() && Files.isExecutable(wrk)) {
                return new Wrk(wrk, connections);
            }
        }
        return new Jdk(connections);
    }

    /**
     * {@code wrk -t2 -c<connections> -d<s>s}, its summary read back, and its latency histogram,
     * which a script's {@code done} hook prints (one {@code micros:count} pair per latency seen),
     * so that blocks add up to exact percentiles.
     */
    record Wrk(Path wrk, int connections) implements WebLoad {

        private static final String HISTOGRAM_SCRIPT = """
                done = function(summary, latency, requests)
                  io.write("latency-histogram")
                  for i = 1, #latency do
                    local micros, n = latency(i)
                    io.write(" ", string.format("%d", micros), ":", string.format("%d", n))
                  end
                  io.write("\\n")
                end
                """;
        private static final Pattern HISTOGRAM = Pattern.compile("^latency-histogram(.*)$", Pattern.MULTILINE);

        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
        private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

        @Override
        public Result run(URI uri, Duration time) throws Exception {
            Path script = Files.createTempFile("bench-web-wrk-", ".lua");
            String out;
            try {
                Files.writeString(script, HISTOGRAM_SCRIPT);
                Process p = new ProcessBuilder(wrk.toString(), "-t2", "-c" + connections, "-d" + time.toSeconds() + "s",
                        "-s", script.toString(), uri.toString()).redirectErrorStream(true).start();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("wrk exited " + p.exitValue() + ":\n" + out);
                }
            } finally {
                Files.deleteIfExists(script);
            }
            Matcher r = find(REQUESTS, out);
            long failed = 0;
            Matcher s = SOCKET.matcher(out);
            if (s.find()) {
                for (int g = 1; g <= 4; g++) {
                    failed += Long.parseLong(s.group(g));
                }
            }
            Matcher n = NON_2XX.matcher(out);
            if (n.find()) {
                failed += Long.parseLong(n.group(1));
            }
            SortedMap<Long, Long> latencies = new TreeMap<>();
            for (String pair : find(HISTOGRAM, out).group(1).trim().split(" ")) {
                if (!pair.isEmpty()) {
                    int colon = pair.indexOf(':');
                    latencies.merge(Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)), Long::sum);
                }
            }
            return new Result(Long.parseLong(r.group(1)), failed, nanos(r.group(2), r.group(3)), latencies);
        }

        private static Matcher find(Pattern pattern, String out) {
            Matcher m = pattern.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("wrk's output has no line like " + pattern + ":\n" + out);
            }
            return m;
        }

        private static long nanos(String value, String unit) {
            double v = Double.parseDouble(value);
            return (long) switch (unit.toLowerCase(Locale.ROOT)) {
                case "us" -> v * 1e3;
                case "ms" -> v * 1e6;
                case "s" -> v * 1e9;
                default -> v * 60e9;
            };
        }

        @Override
        public String describe() {
            return "wrk (" + wrk + "), 2 threads, " + connections + " connections";
        }
    }

    /** {@code connections} threads, each sending its next request when the last one was answered. */
    record Jdk(int connections) implements WebLoad {

        @Override
        public Result run(URI uri, Duration time) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
            AtomicLong failed = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + time.toNanos();
            for (int c = 0; c < connections; c++) {
                Thread t = new Thread(() -> {
                    Latencies mine = new Latencies();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() / 100 != 2) {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                        mine.add(System.nanoTime() - t0);
                    }
                    synchronized (latencies) {
                        latencies.add(mine.toArray());
                    }
                }, "bench-web-client-" + c);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long nanos = System.nanoTime() - start;
            long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            if (all.length == 0) {
                throw new UncheckedIOException(new IOException("no request was answered at " + uri));
            }
            SortedMap<Long, Long> histogram = new TreeMap<>();
            for (long n : all) {
                histogram.merge(n / 1_000, 1L, Long::sum); // microseconds, as wrk counts them
            }
            return new Result(all.length, failed.get(), nanos, histogram);
        }

        /** One client thread's request latencies, in nanoseconds. */
        private static final class Latencies {
            private long[] nanos = new long[1 << 16];
            private int count;

            void add(long n) {
                if (count == nanos.length) {
                    nanos = java.util.Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = n;
            }

            long[] toArray() {
                return java.util.Arrays.copyOf(nanos, count);
            }
        }

        @Override
        public String describe() {
            return "the JDK's HttpClient (HTTP/1.1), " + connections + " closed-loop connections (wrk is not installed)";
        }
    }
}
