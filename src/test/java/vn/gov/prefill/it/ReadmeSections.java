package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * README tables that a test produces: each lives between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}. A run with {@code -Dreadme.update=true} rewrites them; any other run
 * fails when the README no longer says what the test found.
 */
final class ReadmeSections {

    static final Path README = Path.of("README.md");

    private ReadmeSections() { }

    static synchronized void check(String name, String content) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String start = "<!-- " + name + ":start -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has the markers of section " + name).isGreaterThanOrEqualTo(0);
        assertThat(to).isGreaterThan(from);
        String current = readme.substring(from + start.length(), to);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, readme.substring(0, from + start.length()) + content + readme.substring(to), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("README section '" + name + "' is stale; regenerate with: mvn verify -Dreadme.update=true")
                .isEqualTo(content);
    }
}
