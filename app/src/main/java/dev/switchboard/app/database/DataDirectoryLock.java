package dev.switchboard.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <data>/switchboard.lock}, held for the server's lifetime. The OS
 * drops it when the process dies, even by {@code kill -9}, so holding it proves that no live
 * server uses the directory — and that any database process still running on it is an orphan.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve("switchboard.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("the data directory " + dataDir.toAbsolutePath()
                        + " is in use by another running Switchboard server" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + ": stop it first, or give this one its own directory with SWITCHBOARD_DATA_DIR");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases it with the process anyway
        }
    }
}
