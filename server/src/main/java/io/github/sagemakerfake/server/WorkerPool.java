package io.github.sagemakerfake.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's worker threads, with a deadline on each request's I/O.
 *
 * <p>Why not the JDK's {@code sun.net.httpserver.maxReqTime}: it is a JVM-wide system property,
 * read once when the first {@code HttpServer} of the JVM is created, in whole seconds. A library
 * must not change it for everyone, and a test that starts several servers could not give each its
 * own limit. Instead the JDK reads a request on one of these threads, in blocking mode, from a
 * {@code SocketChannel}; such a channel is interruptible, so a watchdog that interrupts a thread
 * past its deadline closes exactly that connection and frees the thread. A slow or stalled client
 * therefore holds a worker for at most the request timeout, and never blocks the others.
 *
 * <p>Threads are daemon threads, created on demand and retired when idle, so a server never keeps
 * a JVM alive and an idle one costs no threads.
 */
final class WorkerPool implements Executor {

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Requests waiting for a free worker beyond this are refused (the JDK then closes the connection). */
    private static final int QUEUE_CAPACITY = 1024;

    private final long timeoutNanos;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();

    WorkerPool(int threads, Duration requestTimeout) {
        this.timeoutNanos = requestTimeout.toNanos();
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY),
                r -> new Worker(r, "sagemaker-fake-http-" + pool + "-" + count.incrementAndGet()));
        this.workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sagemaker-fake-watchdog-" + pool);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(250),
                timeoutNanos / 5));
        watchdog.scheduleAtFixedRate(this::interruptOverdue, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Runs one JDK exchange: reading the request line and headers is already under the deadline. */
    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> {
            arm();
            try {
                exchange.run();
            } finally {
                disarm();
                Thread.interrupted(); // a late interrupt must not leak into the next exchange
            }
        });
    }

    /** Starts the request-timeout clock for the current thread's I/O. */
    void arm() {
        if (Thread.currentThread() instanceof Worker w) {
            synchronized (w) {
                w.deadline = System.nanoTime() + timeoutNanos;
                w.armed = true;
                w.fired = false;
            }
        }
    }

    /**
     * Stops the clock. Returns true when the deadline had already passed: the connection was
     * closed under the thread, and the exchange must be abandoned.
     */
    boolean disarm() {
        if (Thread.currentThread() instanceof Worker w) {
            synchronized (w) {
                w.armed = false;
                boolean fired = w.fired;
                w.fired = false;
                if (fired) {
                    Thread.interrupted();
                }
                return fired;
            }
        }
        return false;
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Worker w : live) {
            synchronized (w) {
                if (w.armed && now - w.deadline >= 0) {
                    w.armed = false;
                    w.fired = true;
                    w.interrupt();
                }
            }
        }
    }

    void shutdown(Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.shutdownNow();
        }
    }

    private final class Worker extends Thread {
        long deadline;
        boolean armed;
        boolean fired;

        Worker(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }

        @Override
        public void run() {
            live.add(this);
            try {
                super.run();
            } finally {
                live.remove(this);
            }
        }
    }
}
