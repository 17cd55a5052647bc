package io.github.sagemakerfake.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starting, waiting for and stopping the servers the benchmarks run as separate processes. */
final class Subprocesses {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private Subprocesses() {
    }

    /** A started server process: where it answers, and how to stop it. */
    static final class Server implements AutoCloseable {
        final Process process;
        final URI endpoint;
        final String description;

        Server(Process process, URI endpoint, String description) {
            this.process = process;
            this.endpoint = endpoint;
            this.description = description;
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    // ------------------------------------------------------------------ moto

    /** {@code moto_server}: {@code -Dbench.moto=PATH}, else the first one on the PATH. */
    static Optional<Path> motoServer() {
        String configured = System.getProperty("bench.moto");
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts moto's server on a free loopback port and waits until it answers HTTP. */
    static Server startMoto() {
        Path moto = motoServer().orElseThrow(() -> new IllegalStateException(
                "moto_server is not on the PATH (pip install 'moto[server]', or -Dbench.moto=PATH)"));
        int port = freePort();
        Path log;
        try {
            log = Files.createTempFile("moto-server-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(moto.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process = start(pb);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            awaitHttp(process, URI.create(endpoint + "/moto-api/"), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            stop(process);
            throw new IllegalStateException(e.getMessage() + "; moto's log: " + tail(log), e);
        }
        return new Server(process, endpoint, "moto_server (" + moto + ")");
    }

    // ------------------------------------------------------------------ the fake's server

    /**
     * The fake's standalone server as its own process: {@code server/target/sagemaker-workforce-fake-server.jar}
     * when it exists (or {@code -Dbench.serverJar=PATH}), else {@code ServerMain} from this
     * classpath (the same classes; the SDK classes beside them are never loaded by the server).
     */
    static Server startFakeServer(List<String> jvmArgs) {
        return startFakeServer(jvmArgs, List.of());
    }

    /** The same, with server options after {@code --port 0} (e.g. {@code --threads 1}). */
    static Server startFakeServer(List<String> jvmArgs, List<String> serverArgs) {
        return startFakeServer(jvmArgs, serverArgs, serverJar());
    }

    /** The same, from a given server jar (e.g. an older build's, for a before/after in one run). */
    static Server startFakeServer(List<String> jvmArgs, List<String> serverArgs, Optional<Path> jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        String description;
        if (jar.isPresent()) {
            command.add("-jar");
            command.add(jar.get().toString());
            description = jar.get().getFileName().toString();
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.github.sagemakerfake.server.ServerMain");
            description = "ServerMain on the benchmark classpath (no server jar found)";
        }
        command.add("--port");
        command.add("0");
        command.addAll(serverArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = start(pb);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(l);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String url;
        try {
            url = line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            url = null;
        }
        if (url == null) {
            stop(process);
            throw new IllegalStateException("the fake's server did not print its address: " + command);
        }
        // Keep draining stdout so the server never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "fake-server-stdout");
        drain.setDaemon(true);
        drain.start();
        return new Server(process, URI.create(url), description + (jvmArgs.isEmpty() ? "" : " " + jvmArgs)
                + (serverArgs.isEmpty() ? "" : " " + serverArgs));
    }

    static Optional<Path> serverJar() {
        String configured = System.getProperty("bench.serverJar");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured)).filter(Files::isRegularFile);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Paths.get("server/target/sagemaker-workforce-fake-server.jar"));
        candidates.add(Paths.get("../server/target/sagemaker-workforce-fake-server.jar"));
        Path here = BenchMain.codeLocation();
        if (here != null) {
            // benchmarks/target/benchmarks.jar or benchmarks/target/classes -> <root>/server/target
            for (Path p = here.getParent(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("server/target/sagemaker-workforce-fake-server.jar"));
            }
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath);
    }

    // ------------------------------------------------------------------ helpers

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until {@code uri} answers any HTTP status (bounded by {@code timeout}). */
    static void awaitHttp(Process process, URI uri, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server exited with status " + process.exitValue());
            }
            if (httpStatus(uri) > 0) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("no answer from " + uri + " within " + timeout);
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int httpStatus(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try {
                int status = c.getResponseCode();
                (status >= 400 ? c.getErrorStream() : c.getInputStream()).readAllBytes();
                return status;
            } finally {
                c.disconnect();
            }
        } catch (IOException | NullPointerException e) {
            return -1;
        }
    }

    static Process start(ProcessBuilder pb) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + pb.command(), e);
        }
    }

    /** SIGTERM to the process and its children, then SIGKILL after 10 s. */
    static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Resident memory of a process, from {@code /proc/<pid>/status} ({@code VmRSS}), in bytes; -1 if unknown. */
    static long residentBytes(long pid) {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    String[] parts = l.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time (user + system) of a process and its descendants, from {@code /proc/PID/stat}, in
     * nanoseconds; 0 where unreadable. Clock ticks are taken as 100 per second (Linux's USER_HZ).
     */
    static long cpuNanos(ProcessHandle process) {
        long ticks = ticks(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            ticks += ticks(child.pid());
        }
        return ticks * 10_000_000L;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs a short command and returns its stdout, or empty if it fails. */
    static Optional<String> run(Duration timeout, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = out.get(5, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? Optional.of(text.trim()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
