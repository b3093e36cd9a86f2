package dev.switchboard.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What runs on this machine, read from /proc: to find a database left running on a directory. */
public final class Processes {

    private Processes() {
    }

    /** Pids of postgres server processes whose command line names {@code dataDir}. */
    public static List<Long> postgresOn(Path dataDir) {
        String dir = dataDir.toAbsolutePath().normalize().toString();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> commandLine(p).contains("postgres") && commandLine(p).contains(dir))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String commandLine(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
