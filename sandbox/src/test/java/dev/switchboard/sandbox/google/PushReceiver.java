package dev.switchboard.sandbox.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A webhook endpoint on the JDK HttpServer that records what Google POSTs to it. */
final class PushReceiver implements AutoCloseable {

    /** One received notification: its headers (lower-case names) and body length. */
    record Notification(Map<String, String> headers, int bodyLength) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String state() {
            return header("X-Goog-Resource-State");
        }

        long number() {
            return Long.parseLong(header("X-Goog-Message-Number"));
        }
    }

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private volatile Function<Notification, Integer> answer = notification -> 200;

    PushReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/webhooks/google-calendar", this::receive);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/google-calendar/key-1";
    }

    void answer(Function<Notification, Integer> answer) {
        this.answer = answer;
    }

    List<Notification> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        int length;
        try (InputStream in = exchange.getRequestBody()) {
            length = in.readAllBytes().length;
        }
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        Notification notification = new Notification(headers, length);
        received.add(notification);
        exchange.sendResponseHeaders(answer.apply(notification), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
