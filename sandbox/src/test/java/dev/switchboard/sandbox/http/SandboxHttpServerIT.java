package dev.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shared HTTP plumbing over a real socket: routing, every body encoding, headers, failures. */
class SandboxHttpServerIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SandboxHttpServer server;

    @BeforeEach
    void start() {
        server = SandboxHttpServer.start(0)
                .route("/echo", SandboxHttpServerIT::echo)
                .route("/echo/inner", request -> SandboxResponse.text(200, "text/plain", "inner"))
                .route("/boom", request -> {
                    throw new IllegalStateException("kaboom");
                })
                .route("/drop", request -> SandboxResponse.dropConnection());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SandboxResponse echo(SandboxRequest request) {
        ObjectNode body = Json.object();
        body.put("method", request.method());
        body.put("path", request.path());
        body.put("header", request.header("x-test").orElse(null));
        ObjectNode params = body.putObject("params");
        request.params().asText().forEach(params::put);
        request.params().file("file").ifPresent(file -> body.put("file_size", file.size())
                .put("file_name", file.fileName()).put("first_byte", file.content()[0] & 0xFF));
        request.params().json("nested").ifPresent(node -> body.set("nested", node));
        return SandboxResponse.json(200, body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode json(HttpRequest.Builder request) throws Exception {
        return Json.parse(send(request).body());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    }

    @Test
    void listensOnLoopbackWithNodelay() {
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }

    @Test
    void startsOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SandboxHttpServer fixed = SandboxHttpServer.start(port)) {
            assertThat(fixed.port()).isEqualTo(port);
        }
    }

    @Test
    void decodesQueryStringsAndHeaders() throws Exception {
        JsonNode echo = json(to("/echo/x?a=1&b=caf%C3%A9+au+lait&empty").header("X-Test", "yes"));

        assertThat(echo.path("method").asString()).isEqualTo("GET");
        assertThat(echo.path("path").asString()).isEqualTo("/echo/x");
        assertThat(echo.path("header").asString()).isEqualTo("yes");
        assertThat(echo.path("params").path("b").asString()).isEqualTo("café au lait");
        assertThat(echo.path("params").path("empty").asString()).isEmpty();
    }

    @Test
    void decodesUrlencodedFormsWithBodyOverridingQuery() throws Exception {
        JsonNode echo = json(to("/echo?a=query&q=kept")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("a=body&text=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82")));

        assertThat(echo.path("params").path("a").asString()).isEqualTo("body");
        assertThat(echo.path("params").path("q").asString()).isEqualTo("kept");
        assertThat(echo.path("params").path("text").asString()).isEqualTo("привет");
    }

    @Test
    void decodesJsonBodiesKeepingNestedValues() throws Exception {
        JsonNode echo = json(to("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":5000000001,\"nested\":{\"k\":[1,2]},\"s\":\"{\\\"k\\\":1}\"}")));

        assertThat(echo.path("params").path("n").asString()).isEqualTo("5000000001");
        assertThat(echo.path("params").path("nested").asString()).isEqualTo("{\"k\":[1,2]}");
        assertThat(echo.path("nested").path("k").get(1).asInt()).isEqualTo(2);
    }

    @Test
    void decodesMultipartWithBinaryFiles() throws Exception {
        String boundary = "XyZ";
        byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhéllo\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = {(byte) 0xFF, 0, '\r', '\n', '-', '-', 'X', 'y', 13, 10};
        byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);

        JsonNode echo = json(to("/echo").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(echo.path("params").path("caption").asString()).isEqualTo("héllo");
        assertThat(echo.path("file_name").asString()).isEqualTo("a.bin");
        assertThat(echo.path("file_size").asInt()).isEqualTo(content.length);
        assertThat(echo.path("first_byte").asInt()).isEqualTo(0xFF);
    }

    @Test
    void routesToTheLongestMatchingPrefix() throws Exception {
        assertThat(send(to("/echo/inner/deeper")).body()).isEqualTo("inner");
        assertThat(send(to("/nowhere")).statusCode()).isEqualTo(404);
    }

    @Test
    void handlerFailuresBecomeStatusCodes() throws Exception {
        assertThat(send(to("/boom")).statusCode()).isEqualTo(500);
        HttpResponse<String> malformed = send(to("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1,2")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("invalid JSON");
    }

    @Test
    void droppedConnectionsSendNothing() {
        assertThatThrownBy(() -> send(to("/drop").POST(HttpRequest.BodyPublishers.ofString("x"))))
                .isInstanceOf(IOException.class);
    }
}
