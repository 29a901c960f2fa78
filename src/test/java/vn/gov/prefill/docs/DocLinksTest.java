package vn.gov.prefill.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of README.md and docs/*.md leads somewhere: to a file or folder of the
 * repository and, with a {@code #fragment}, to a heading of the Markdown file it names (GitHub's
 * anchors). Links to other sites are not followed.
 */
class DocLinksTest {

    private static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+\"[^\"]*\")?\\s*$");
    private static final Pattern HTML = Pattern.compile("<(?:img|a)\\s[^>]*?(?:src|href)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        assertThat(docs).hasSizeGreaterThan(1);
        assertThat(broken(root, docs)).as("broken links (file:line: link: why)").isEmpty();
    }

    @Test
    void aBrokenLinkOrAnchorIsFound(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/topic.md"), "# A topic\n\n## Tên `tiếng` Việt, và dấu!\n\n## Twice\n\n## Twice\n");
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "[ok](docs/topic.md) [ok](docs/topic.md#tên-tiếng-việt-và-dấu) [ok](docs/topic.md#twice-1) [ok](docs/)",
                "[ok](#readme) [ok](https://example.org/missing.md) `[not a link](nowhere.md)`",
                "```", "[in a code block](nowhere.md)", "```",
                "# Readme",
                "[missing file](docs/missing.md)",
                "![missing image](docs/missing.png) <img src=\"docs/none.png\" alt=\"\">",
                "[missing heading](docs/topic.md#no-such-heading) [missing here](#nothing)",
                "[ref]: docs/gone.md", ""));
        assertThat(broken(root, List.of(root.resolve("README.md"), root.resolve("docs/topic.md"))))
                .containsExactly(
                        "README.md:7: docs/missing.md: no such file",
                        "README.md:8: docs/missing.png: no such file",
                        "README.md:8: docs/none.png: no such file",
                        "README.md:9: docs/topic.md#no-such-heading: no such heading",
                        "README.md:9: #nothing: no such heading",
                        "README.md:10: docs/gone.md: no such file");
    }

    /** The links of {@code docs} that lead nowhere, as {@code file:line: link: why}. */
    static List<String> broken(Path root, List<Path> docs) throws IOException {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                String text = line.replaceAll("`[^`]*`", "``");
                for (String link : links(text)) {
                    String why = why(root, doc, link, anchors);
                    if (why != null) {
                        out.add(root.relativize(doc) + ":" + (i + 1) + ": " + link + ": " + why);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> links(String line) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(INLINE, REFERENCE, HTML)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String why(Path root, Path doc, String link, Map<Path, Set<String>> anchors) throws IOException {
        if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || link.startsWith("//")) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? null : link.substring(hash + 1);
        Path target = path.isEmpty() ? doc
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : doc.getParent().resolve(path)).normalize();
        if (!target.startsWith(root) || !Files.exists(target)) {
            return "no such file";
        }
        if (fragment == null || !target.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.computeIfAbsent(target, DocLinksTest::anchorsOf);
        return known.contains(java.net.URLDecoder.decode(fragment, StandardCharsets.UTF_8)) ? null : "no such heading";
    }

    /** GitHub's anchors of a Markdown file: each heading's slug (-1, -2… for repeats), and explicit anchors. */
    static Set<String> anchorsOf(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher explicit = ANCHOR.matcher(line);
            while (explicit.find()) {
                out.add(explicit.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                out.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return out;
    }

    /** GitHub's slug: the heading's text (links by their text), lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }
}
