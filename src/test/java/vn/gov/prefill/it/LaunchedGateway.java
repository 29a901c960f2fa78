package vn.gov.prefill.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway as a user starts it: {@code java -jar target/prefill-gateway-*.jar} as its own process,
 * in a working directory of its own, its console (stdout and stderr) captured to a file there.
 * <pre>
 * Path dir = LaunchedGateway.workingCopy(tempDir);          // routes/, schemas/, mocks/ of the project
 * Files.writeString(dir.resolve("routes/sources/x.yaml"), ...);  // break or add something
 * try (LaunchedGateway gateway = LaunchedGateway.start(dir, "--server.port=0")) {
 *     int code = gateway.awaitExit(Duration.ofSeconds(30));
 *     String console = gateway.output();
 * }
 * </pre>
 * Closing it destroys the process and its descendants.
 */
final class LaunchedGateway implements AutoCloseable {

    private static final java.util.Random RANDOM = new java.util.Random();
    static final Path JAR = Path.of("target/prefill-gateway-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    private static final List<String> TREES = List.of("routes", "schemas", "rules", "mocks");

    private final Process process;
    private final Path console;
    private int port;
    private int managementPort;

    private LaunchedGateway(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /** Starts the jar as {@link #start} does, on a free API port ({@link #port()}) and a free port for the mocks. */
    static LaunchedGateway startOnFreePorts(Path workDir, String... args) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--gateway.mocks.port=" + freePort()));
        all.addAll(List.of(args));
        LaunchedGateway gateway = start(workDir, all.toArray(String[]::new));
        gateway.port = port;
        return gateway;
    }

    /** The API port of a gateway started by {@link #startOnFreePorts} or {@link #startService}. */
    int port() {
        return port;
    }

    /** Where its actuator answers: its own management port, if it was given one, or else the API port. */
    int managementPort() {
        return managementPort == 0 ? port : managementPort;
    }

    /** Copies the project's routes/, schemas/, rules/ and mocks/ into {@code dir}; returns {@code dir}. */
    static Path workingCopy(Path dir) {
        try {
            for (String tree : TREES) {
                Path from = Path.of(tree).toAbsolutePath();
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.toList()) {
                        Path to = dir.resolve(tree).resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the built jar in {@code workDir} with these command-line arguments (e.g. {@code --server.port=0}). */
    static LaunchedGateway start(Path workDir, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " does not exist: run the integration tests after `mvn package`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a small, quick JVM: these processes live seconds
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return launch(new ProcessBuilder(command), workDir);
    }

    /**
     * Runs {@code command} as a service manager does: in {@code workDir}, with exactly {@code environment}
     * (nothing of the test's own), answering on {@code port}, its actuator on {@code managementPort}.
     */
    static LaunchedGateway startService(List<String> command, Path workDir, Map<String, String> environment,
                                        int port, int managementPort) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        LaunchedGateway gateway = launch(builder, workDir);
        gateway.port = port;
        gateway.managementPort = managementPort;
        return gateway;
    }

    private static LaunchedGateway launch(ProcessBuilder builder, Path workDir) {
        Path console = workDir.resolve("console.log");
        try {
            Process process = builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
            return new LaunchedGateway(process, console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port free now, for {@code --server.port} or {@code --gateway.mocks.port}. */
    static int freePort() {
        // below Linux's ephemeral range (32768-60999): a client polling a port of that range before the
        // server listens can be given that very port for its own end and connect to itself, and the
        // server then cannot bind it
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + RANDOM.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Everything the process has written so far. */
    String output() {
        try {
            return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output contains {@code text}; false if the process exits or the time runs out first. */
    boolean awaitOutput(String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            pause(50);
        }
        return false;
    }

    /** Waits for the process to end and returns its exit code; fails if it is still running after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the gateway still runs after " + timeout + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM, what systemd sends to stop a service. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
