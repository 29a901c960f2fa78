package vn.gov.prefill.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parts of the documents that a test produces: each lives in a file of {@code docs/} between
 * {@code <!-- name:start -->} and {@code <!-- name:end -->}. A test that finds the part stale fails;
 * it never rewrites the document. It writes what the part should say to
 * {@code target/doc-sections/<name>.md}, and its failure says to copy it from there.
 */
public final class DocSections {

    static final Path EXPECTED = Path.of("target", "doc-sections");

    private DocSections() { }

    /** Fails unless {@code doc} holds exactly {@code content} between the markers of section {@code name}. */
    public static synchronized void check(String doc, String name, String content) throws IOException {
        String text = Files.readString(Path.of(doc), StandardCharsets.UTF_8);
        String start = "<!-- " + name + ":start -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as(doc + " has the markers of section " + name).isGreaterThanOrEqualTo(0);
        assertThat(to).as(doc + " has the end marker of section " + name).isGreaterThan(from);
        String current = text.substring(from + start.length(), to);
        if (current.equals(content)) {
            return;
        }
        Files.createDirectories(EXPECTED);
        Path expected = EXPECTED.resolve(name + ".md");
        Files.writeString(expected, content, StandardCharsets.UTF_8);
        assertThat(current).as(doc + ", section '" + name + "', is stale: copy " + expected
                + " between its markers <!-- " + name + ":start --> and <!-- " + name + ":end -->").isEqualTo(content);
    }
}
