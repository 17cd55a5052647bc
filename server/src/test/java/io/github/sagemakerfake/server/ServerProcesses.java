package io.github.sagemakerfake.server;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server (or a test's own main class) as a subprocess, without the SDK: the classes the
 * runnable jar holds, a clean {@code SAGEMAKER_FAKE_*} environment, and its stdout read line by
 * line. {@link #close()} kills whatever is still running.
 */
final class ServerProcesses implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, BufferedReader> stdout = new HashMap<>();

    static Path classes() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target/classes");
    }

    static Path coreClasses() {
        return Path.of(System.getProperty("basedir", ".")).resolve("../core/target/classes").normalize();
    }

    /** The server's classes, core's (without the in-process client) and Netty's, as the runnable jar holds them. */
    static String classPath() {
        StringBuilder path = new StringBuilder().append(classes()).append(File.pathSeparator).append(coreClasses());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.replace('\\', '/').contains("/io/netty/")) {
                path.append(File.pathSeparator).append(entry);
            }
        }
        return path.toString();
    }

    Process java(List<String> jvmArgs, String mainClass, String classPath, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SAGEMAKER_FAKE_"));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Every process started, oldest first. */
    List<Process> started() {
        return processes;
    }

    /** The process's stdout, one reader for all its lines. */
    BufferedReader stdout(Process p) {
        return stdout.computeIfAbsent(p, k ->
                new BufferedReader(new InputStreamReader(k.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** The next line on stdout; a process that ends without one fails with its stderr. */
    String firstLine(Process p) throws Exception {
        BufferedReader out = stdout(p);
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS); // a guard against a hung test, not a timing assertion
        if (line == null) { // the process ended without a word: its stderr says why
            throw new AssertionError("no line on stdout; stderr: "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return line;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
