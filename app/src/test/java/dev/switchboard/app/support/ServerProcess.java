package dev.switchboard.app.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code target/switchboard.jar}) running as a child process, for tests that kill
 * or duplicate the server. Its output goes to a file the test can read.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300); // generous: a loaded 2-core machine has taken over two minutes
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar in {@code workDir} (its {@code ./data} is there unless env says otherwise) and waits until ready. */
    public static ServerProcess start(Path workDir, Map<String, String> env, String... args) {
        ServerProcess server = launch(workDir, env, args);
        server.awaitReady();
        return server;
    }

    /** Starts the jar without waiting: for a start that is expected to fail. */
    public static ServerProcess launch(Path workDir, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = Files.createTempFile(workDir, "server-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // these tests check behaviour,
                    // not speed: C1 only and one GC thread start the server in about half the time on 2 cores
                    "-jar", jar().toString(), "--server.port=" + port));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SWITCHBOARD_"));
            builder.environment().putAll(env);
            return new ServerProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server jar", e);
        }
    }

    public static Path jar() {
        Path jar = Path.of("target", "switchboard.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify' (it packages first)");
        }
        return jar;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, children are orphaned. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server did not exit within " + timeout + "\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting\n" + tail());
            }
            if (ready()) {
                return;
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + "\n" + tail());
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        String out = output();
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    /** Stops the process if still running, and keeps its log under target/server-logs for post-mortems. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        try {
            Path kept = Path.of("target", "server-logs");
            Files.createDirectories(kept);
            Files.copy(log, kept.resolve(Instant.now().toString().replace(':', '-') + "-" + process.pid() + ".log"));
        } catch (IOException ignored) {
            // the log is a convenience
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
