package dev.switchboard.core.support;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for blocking work: virtual threads when the JVM has them (21+), platform threads
 * otherwise. The code targets Java 17, so virtual threads are reached reflectively.
 */
public final class Threads {

    private static final ThreadFactory VIRTUAL = virtualFactory();

    private Threads() {
    }

    public static boolean virtualAvailable() {
        return VIRTUAL != null;
    }

    /** An executor with one new thread per task, named {@code prefix-N}. */
    public static ExecutorService perTask(String prefix) {
        return Executors.newCachedThreadPool(factory(prefix));
    }

    public static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = VIRTUAL != null ? VIRTUAL.newThread(runnable) : new Thread(runnable);
            thread.setName(prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static Thread start(String name, Runnable runnable) {
        Thread thread = factory(name).newThread(runnable);
        thread.setName(name);
        thread.start();
        return thread;
    }

    private static ThreadFactory virtualFactory() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method factory = builder.getClass().getMethod("factory");
            factory.setAccessible(true);
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
