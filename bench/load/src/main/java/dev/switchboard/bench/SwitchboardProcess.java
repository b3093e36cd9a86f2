package dev.switchboard.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Switchboard jar as a child process on the JDK under test, with its log in the results folder. */
final class SwitchboardProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path java;
    private final Duration startedIn;

    private SwitchboardProcess(Process process, int port, Path java, Duration startedIn) {
        this.process = process;
        this.port = port;
        this.java = java;
        this.startedIn = startedIn;
    }

    static SwitchboardProcess start(Options options, Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(options.serverJava().toString(), "-Xmx2g"));
        if (!options.serverJvmArgs().isBlank()) {
            command.addAll(List.of(options.serverJvmArgs().trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.jar().toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(env);
        Instant started = Instant.now();
        Process process = builder.start();
        awaitReady(process, port, log);
        return new SwitchboardProcess(process, port, options.serverJava(), Duration.between(started, Instant.now()));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Duration startedIn() {
        return startedIn;
    }

    /** Heap in use right after a full GC, in MB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    long heapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        long kb = 0;
        if (used.find()) {
            kb = Long.parseLong(used.group(1));
        }
        return kb / 1024;
    }

    /** CPU time the process used so far (user + system), from {@code /proc/<pid>/stat}. */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = java.resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitReady(Process process, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Switchboard exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Switchboard was not ready within 5 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
