package dev.switchboard.sandbox.http;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for emulators. Request handlers block (long polls, armed hangs), so each request
 * gets its own thread: a virtual one when the JVM has them, otherwise a cached pool.
 */
public final class SandboxThreads {

    private SandboxThreads() {
    }

    /** Virtual thread per task on Java 21+, found reflectively because we compile for 17. */
    public static ExecutorService perTaskExecutor(String namePrefix) {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException notAvailable) {
            return Executors.newCachedThreadPool(daemonThreads(namePrefix));
        }
    }

    /** Daemon threads so a forgotten emulator never keeps a test JVM alive. */
    public static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
