package dev.switchboard.app.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our data directory by a server that was killed. Only called while
 * holding the {@link DataDirectoryLock}, so no live server owns it: it is stopped (a fast
 * shutdown, which PostgreSQL completes cleanly) before the embedded database starts again.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path pgDataDir) {
        Path pidFile = pgDataDir.resolve("postmaster.pid");
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, pgDataDir))
                .ifPresent(process -> stop(process, pgDataDir));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Guards against a recycled pid: the process must be a postgres serving this directory. */
    private static boolean isPostgresOn(ProcessHandle process, Path pgDataDir) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(pgDataDir.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static void stop(ProcessHandle postmaster, Path pgDataDir) {
        log.warn("an embedded PostgreSQL (pid {}) is still running on {} from a server that did not stop cleanly; "
                + "stopping it", postmaster.pid(), pgDataDir);
        signal(postmaster.pid(), "INT");
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("the orphaned PostgreSQL (pid {}) did not stop in {}s; forcing it", postmaster.pid(),
                    SHUTDOWN_WAIT.toSeconds());
            signal(postmaster.pid(), "QUIT");
            postmaster.onExit().orTimeout(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot stop the orphaned PostgreSQL", e);
        }
    }

    /** SIGINT is PostgreSQL's "fast shutdown"; SIGQUIT its "immediate" one. */
    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal the orphaned PostgreSQL (pid " + pid + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
