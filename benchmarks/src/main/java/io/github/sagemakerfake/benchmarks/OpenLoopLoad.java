package io.github.sagemakerfake.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator shaped like {@code wrk2 -t2 -c8 -R rate}: keep-alive connections driven by two
 * threads, whatever their number, so that on a 2-core machine the generator's own threads do not
 * queue for a core beside the server's (docs/benchmarks.md, "The server's tail").
 *
 * <p>A <em>sender</em> thread keeps the schedule: connection {@code j % n} is due at
 * {@code start + j × interval / n}; it parks until then and writes the request, or, when that
 * connection's previous answer has not come yet, leaves the due time in the connection's backlog. A
 * <em>receiver</em> thread waits on a selector for answers; each answer's latency runs from the time
 * its request was <em>due</em> (no coordinated omission), and the next request of the backlog goes
 * out at once. With an interval of 0 the loop is closed: each answer sends the next request.
 *
 * <p>Every answer must be a {@code 200} with a {@code Content-Length}; anything else fails the run.
 */
final class OpenLoopLoad {

    private OpenLoopLoad() {
    }

    private static final class Conn {
        final SocketChannel channel;
        final byte[] request;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        boolean outstanding;
        long sentDue;
        long[] backlog = new long[64];
        int head;
        int size;

        Conn(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
        }

        /** Called with the monitor held. */
        void send(long due) throws IOException {
            outstanding = true;
            sentDue = due;
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait(); // a full socket buffer: never with one small request in flight
                }
            }
        }

        void queue(long due) {
            if (size == backlog.length) {
                long[] grown = new long[size * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = backlog[(head + i) % backlog.length];
                }
                backlog = grown;
                head = 0;
            }
            backlog[(head + size) % backlog.length] = due;
            size++;
        }

        long poll() {
            long due = backlog[head];
            head = (head + 1) % backlog.length;
            size--;
            return due;
        }
    }

    /**
     * Runs {@code connections} connections for {@code warmNanos} and then {@code nanos} (requests due
     * before the end are all answered). Returns the latency in nanoseconds of every request due after
     * the warm-up; {@code count[0]} receives their number.
     */
    static long[] run(URI uri, byte[] request, int connections, long intervalNanos, long warmNanos, long nanos,
                      long[] count) throws Exception {
        Conn[] conns = new Conn[connections];
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open();
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                ch.configureBlocking(false);
                conns[i] = new Conn(ch, request);
                ch.register(selector, SelectionKey.OP_READ, conns[i]);
            }
            long start = System.nanoTime() + 50_000_000L;
            long recordFrom = start + warmNanos;
            long end = recordFrom + nanos;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            boolean[] senderDone = new boolean[1];
            Thread sender = new Thread(() -> {
                try {
                    if (intervalNanos == 0) {
                        park(start);
                        for (Conn c : conns) {
                            synchronized (c) {
                                c.send(System.nanoTime());
                            }
                        }
                        return;
                    }
                    for (long j = 0; ; j++) {
                        long due = start + j * intervalNanos / connections;
                        if (due >= end || failure.get() != null) {
                            return;
                        }
                        park(due);
                        Conn c = conns[(int) (j % connections)];
                        synchronized (c) {
                            if (c.outstanding) {
                                c.queue(due);
                            } else {
                                c.send(due);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    synchronized (senderDone) {
                        senderDone[0] = true;
                    }
                    selector.wakeup();
                }
            }, "tail-load-sender");
            sender.start();
            long[] latencies = new long[1 << 16];
            String dump = intervalNanos > 0 ? System.getProperty("bench.tail.dump") : null;
            long[] dues = dump == null ? null : new long[1 << 16];
            int n = 0;
            long giveUp = Long.MAX_VALUE;
            while (failure.get() == null) {
                boolean done;
                synchronized (senderDone) {
                    done = senderDone[0];
                }
                if (done) {
                    if (idle(conns)) {
                        break;
                    }
                    if (giveUp == Long.MAX_VALUE) {
                        giveUp = System.nanoTime() + 30_000_000_000L;
                    } else if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("answers still missing 30 s after the last request was due");
                    }
                }
                selector.select(10);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    if (c.channel.read(c.in) < 0) {
                        throw new IOException("connection closed by the server");
                    }
                    int length;
                    while ((length = completeAnswer(c.in)) > 0) {
                        long now = System.nanoTime();
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        synchronized (c) {
                            if (c.sentDue >= recordFrom) {
                                if (dues != null) {
                                    if (n >= dues.length) {
                                        dues = Arrays.copyOf(dues, Math.max(n + 1, dues.length * 2));
                                    }
                                    dues[n] = c.sentDue;
                                }
                                latencies[n++] = now - c.sentDue;
                            }
                            consume(c.in, length);
                            if (intervalNanos == 0) {
                                if (now < end) {
                                    c.send(now);
                                } else {
                                    c.outstanding = false;
                                }
                            } else if (c.size > 0) {
                                c.send(c.poll());
                            } else {
                                c.outstanding = false;
                            }
                        }
                    }
                    if (!c.in.hasRemaining()) {
                        c.in = ByteBuffer.allocate(c.in.capacity() * 2).put(c.in.flip());
                    }
                }
            }
            sender.join();
            if (failure.get() != null) {
                throw new IllegalStateException("the load generator failed", failure.get());
            }
            if (count != null) {
                count[0] = n;
            }
            if (dump != null) {
                // due time (System.nanoTime, the server's -Xlog "timenanos" clock) and latency, one per line
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    text.append(dues[i]).append(' ').append(latencies[i]).append('\n');
                }
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump), text);
            }
            return Arrays.copyOf(latencies, n);
        } finally {
            for (Conn c : conns) {
                if (c != null) {
                    try {
                        c.channel.close();
                    } catch (IOException ignored) {
                        // closing after the run
                    }
                }
            }
        }
    }

    private static boolean idle(Conn[] conns) {
        for (Conn c : conns) {
            synchronized (c) {
                if (c.outstanding || c.size > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void park(long until) {
        long now;
        while ((now = System.nanoTime()) < until) {
            LockSupport.parkNanos(until - now);
        }
    }

    /**
     * The length of the complete answer at the start of {@code in} (in write mode), or 0 while it is
     * incomplete; fails on anything but a 200 with a Content-Length.
     */
    static int completeAnswer(ByteBuffer in) throws IOException {
        byte[] b = in.array();
        int have = in.position();
        int headerEnd = -1;
        for (int i = 3; i < have; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                headerEnd = i + 1;
                break;
            }
        }
        if (headerEnd < 0) {
            return 0;
        }
        // Read in place: the generator allocates nothing per answer, so its own GC stays out of the figures.
        if (!startsWith(b, 0, OK)) {
            throw new IOException("not a 200: " + new String(b, 0, Math.min(headerEnd, 64), StandardCharsets.US_ASCII));
        }
        int length = -1;
        for (int i = 0; i < headerEnd; i++) {
            if (b[i] == '\n' && i + 1 + CONTENT_LENGTH.length < headerEnd && startsWith(b, i + 1, CONTENT_LENGTH)) {
                int k = i + 1 + CONTENT_LENGTH.length;
                while (b[k] == ' ') {
                    k++;
                }
                length = 0;
                while (b[k] >= '0' && b[k] <= '9') {
                    length = length * 10 + (b[k++] - '0');
                }
                break;
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in " + new String(b, 0, headerEnd, StandardCharsets.US_ASCII));
        }
        return have >= headerEnd + length ? headerEnd + length : 0;
    }

    private static final byte[] OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    /** True when {@code b} holds {@code prefix} at {@code at}, ignoring the case of letters. */
    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(b[at + i]) != Character.toLowerCase(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static void consume(ByteBuffer in, int length) {
        in.flip();
        in.position(length);
        in.compact();
    }
}
