package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import vn.gov.prefill.RequiredTool;

/**
 * nginx (the Debian package) in front of the nodes, with deploy/nginx/prefill-gateway.conf as the
 * province would generate it: on a free loopback port, its files in a directory of its own.
 */
final class Nginx implements AutoCloseable {

    static final Path TEMPLATE = Path.of("deploy/nginx/prefill-gateway.conf");

    final int port = LaunchedGateway.freePort();
    private final Process process;

    /** Skipped without nginx, except with CI=true (.ci/run installs it), where it fails. */
    static String binary() {
        return RequiredTool.find("nginx", "the Debian package nginx");
    }

    Nginx(Path dir, List<Integer> nodes) {
        try {
            Path prefix = Files.createDirectories(dir);
            Files.createDirectories(prefix.resolve("temp"));
            prefix.resolve("temp").toFile().setWritable(true, false);
            String upstreams = nodes.stream().map(p -> "server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                    .collect(Collectors.joining(" "));
            String site = Files.readString(TEMPLATE).replace("${PREFILL_UPSTREAMS}", upstreams)
                    .replace("${PREFILL_LISTEN}", "127.0.0.1:" + port);
            Files.writeString(prefix.resolve("prefill-gateway.conf"), site);
            Files.writeString(prefix.resolve("nginx.conf"), """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 256; }
                    http {
                        access_log %1$s/access.log;
                        client_body_temp_path %1$s/temp/body;
                        proxy_temp_path %1$s/temp/proxy;
                        fastcgi_temp_path %1$s/temp/fastcgi;
                        uwsgi_temp_path %1$s/temp/uwsgi;
                        scgi_temp_path %1$s/temp/scgi;
                        include %1$s/prefill-gateway.conf;
                    }
                    """.formatted(prefix.toAbsolutePath()));
            process = new ProcessBuilder(binary(), "-p", prefix.toAbsolutePath().toString(), "-c",
                    prefix.resolve("nginx.conf").toAbsolutePath().toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("console.log").toFile()).start();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Cluster.send(port, "GET", "/actuator/health", null, null).status() < 0) {
                // described lazily: nginx writes error.log only once it has read its configuration
                assertThat(process.isAlive()).as(() -> "nginx: " + readIfThere(prefix.resolve("console.log"))
                        + readIfThere(prefix.resolve("error.log"))).isTrue();
                assertThat(System.nanoTime()).as("nginx answers").isLessThan(end);
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readIfThere(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return file + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
