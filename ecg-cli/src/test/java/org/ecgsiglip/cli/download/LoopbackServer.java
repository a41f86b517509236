package org.ecgsiglip.cli.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a dataset folder on 127.0.0.1 the way PhysioNet does, with {@code Range: bytes=N-} support,
 * plus faults for tests: a replaced SHA256SUMS.txt, files whose bytes are damaged, connections cut
 * after some bytes, a mode that ignores ranges. Records every request as "PATH RANGE".
 */
final class LoopbackServer implements AutoCloseable {
    private static final String PREFIX = "/files/ptb-xl/1.0.3/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Path root;
    volatile String sums;
    volatile boolean ignoreRange;
    final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    LoopbackServer(Path root, String sums) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.sums = sums;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    /** Requests for {@code path} (relative), as "PATH RANGE" strings. */
    List<String> requestsFor(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(path + " ")).toList();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String full = x.getRequestURI().getPath();
            String path = full.startsWith(PREFIX) ? full.substring(PREFIX.length()) : "";
            String range = x.getRequestHeaders().getFirst("Range");
            requests.add(path + " " + (range == null ? "-" : range));
            byte[] body;
            if (path.equals("SHA256SUMS.txt")) {
                body = sums.getBytes(StandardCharsets.UTF_8);
            } else {
                Path file = root.resolve(path).normalize();
                if (path.isEmpty() || !file.startsWith(root) || !Files.isRegularFile(file)) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                if (corrupt.contains(path)) {
                    body[body.length / 2] ^= 0x20;
                }
            }
            int start = 0;
            int status = 200;
            if (range != null && !ignoreRange && range.startsWith("bytes=") && range.endsWith("-")) {
                start = Integer.parseInt(range.substring(6, range.length() - 1));
                if (start >= body.length) {
                    x.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                    x.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                x.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            byte[] sent = Arrays.copyOfRange(body, start, body.length);
            x.sendResponseHeaders(status, sent.length);
            Integer cut = cutAfter.remove(path);
            OutputStream out = x.getResponseBody();
            if (cut != null && cut < sent.length) {
                out.write(sent, 0, cut);
                out.flush();
                try {
                    out.close(); // fewer bytes than announced: the server drops the connection
                } catch (IOException expected) {
                    // "insufficient bytes written": exactly the fault wanted
                }
                return;
            }
            out.write(sent);
        } finally {
            x.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
