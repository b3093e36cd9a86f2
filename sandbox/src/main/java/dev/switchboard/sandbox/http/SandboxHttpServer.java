package dev.switchboard.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server for emulators on the JDK's {@link HttpServer}. Requests go to the
 * handler with the longest matching path prefix; each request runs on its own thread.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxHttpServer.class);

    static {
        // Read once when the JDK server classes initialise: without it every response waits
        // ~40 ms for the peer's delayed ACK (Nagle), so it must be set before any HttpServer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private record Route(String prefix, SandboxHandler handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private volatile SandboxHandler fallback = request -> SandboxResponse.text(404, "text/plain", "Not Found");

    private SandboxHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static SandboxHttpServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            ExecutorService executor = SandboxThreads.perTaskExecutor("sandbox-http");
            SandboxHttpServer sandbox = new SandboxHttpServer(server, executor);
            server.createContext("/", sandbox::exchange);
            server.setExecutor(executor);
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sandbox HTTP server on port " + port, e);
        }
    }

    /** Routes paths starting with {@code pathPrefix}; the longest matching prefix wins. */
    public SandboxHttpServer route(String pathPrefix, SandboxHandler handler) {
        routes.add(new Route(pathPrefix, handler));
        routes.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
        return this;
    }

    /** Answers requests that match no route (default: 404 text). */
    public SandboxHttpServer fallback(SandboxHandler handler) {
        this.fallback = handler;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) {
        try {
            SandboxRequest request = read(exchange);
            write(exchange, dispatch(request));
        } catch (IOException e) {
            log.debug("sandbox exchange failed: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private SandboxResponse dispatch(SandboxRequest request) {
        Route route = routes.stream()
                .filter(candidate -> request.path().startsWith(candidate.prefix()))
                .findFirst()
                .orElse(new Route("(fallback)", fallback));
        try {
            return route.handler().handle(request);
        } catch (MalformedRequestException e) {
            return SandboxResponse.text(400, "text/plain", e.getMessage());
        } catch (Exception e) {
            // The route prefix, not the path: paths can embed secrets such as bot tokens.
            log.warn("sandbox handler for {} {}* failed", request.method(), route.prefix(), e);
            return SandboxResponse.text(500, "text/plain", "sandbox handler failed: " + e);
        }
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), in.readAllBytes());
        }
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        if (response.closeWithoutResponse()) {
            // Closing before the headers are sent makes the JDK server drop the socket.
            return;
        }
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
