package vn.gov.prefill.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built gateway ({@code target/prefill-gateway-*.jar}) as its own process, started the way a
 * user starts it: {@code java -jar} in a working directory, on free ports picked beforehand.
 */
final class LaunchedGateway implements AutoCloseable {

    static final Path JAR = Path.of("target/prefill-gateway-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    private static final String[] PROJECT_FILES = {"routes", "schemas", "mocks"};

    private final Process process;
    private final int port;
    private final int mocksPort;
    private final StringBuffer output = new StringBuffer();

    private LaunchedGateway(Process process, int port, int mocksPort) {
        this.process = process;
        this.port = port;
        this.mocksPort = mocksPort;
        Thread reader = new Thread(() -> collect(process.getInputStream()), "launched-gateway-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the project's routes/, schemas/ and mocks/ into {@code dir}; returns {@code dir}. */
    static Path workingCopy(Path dir) {
        for (String folder : PROJECT_FILES) {
            Path from = Path.of(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Starts {@code java -jar} in {@code workDir} with {@code --server.port=} and {@code --gateway.mocks.port=} and {@code args}. */
    static LaunchedGateway start(Path workDir, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " does not exist: run the integration tests with mvn verify (after package)");
        }
        int port = freePort();
        int mocksPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "--server.port=" + port, "--gateway.mocks.port=" + mocksPort));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            return new LaunchedGateway(process, port, mocksPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    int mocksPort() {
        return mocksPort;
    }

    /** Everything the process wrote to its standard output and error so far. */
    String output() {
        return output.toString();
    }

    /** Waits until the output contains {@code text}; false when the time ran out or the process ended without it. */
    boolean awaitOutput(String text, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (output.indexOf(text) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                sleep(200);
                return output.indexOf(text) >= 0;
            }
            sleep(100);
        }
        return false;
    }

    /** The process's exit code, or -1 when it is still running after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Destroys the process and its children, and waits for them. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private void collect(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                output.append(buffer, 0, n);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
