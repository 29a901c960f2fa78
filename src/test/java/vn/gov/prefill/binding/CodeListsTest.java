package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Loading schemas/codelists: one list per file, named by the file, codes looked up exactly. */
class CodeListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRealListsLoadUnderTheirFileNames() {
        CodeLists lists = new CodeLists(CodeLists.load(Path.of("schemas/codelists"), JSON));

        for (String name : new String[] {"provinces-2025", "provinces-legacy", "districts-legacy", "communes-2025",
                "communes-legacy", "ethnicity", "sex-population", "countries"}) {
            assertThat(lists.has(name)).as(name).isTrue();
        }
        assertThat(lists.lookup("provinces-2025", "24")).isEqualTo("Tỉnh Bắc Ninh");
        assertThat(lists.lookup("provinces-legacy", "24")).isEqualTo("Tỉnh Bắc Giang");
        assertThat(lists.lookup("ethnicity", "01")).isEqualTo("Kinh");
        assertThat(lists.lookup("countries", "VN")).isEqualTo("Việt Nam");
    }

    @Test
    void anUnknownCodeOrListIsNull() {
        CodeLists lists = new CodeLists(Map.of("sex-population", Map.of("1", "NAM")));

        assertThat(lists.lookup("sex-population", "0")).isNull();
        assertThat(lists.lookup("sex-population", "01")).isNull();
        assertThat(lists.lookup("nope", "1")).isNull();
        assertThat(lists.has("nope")).isFalse();
    }

    @Test
    void aListWhoseCodesAreNotAnObjectIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"name\": \"broken\", \"codes\": [\"1\"]}");

        assertThatThrownBy(() -> CodeLists.load(dir, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("/codes must be an object");
    }

    @Test
    void aNonStringValueIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("numbers.json"), "{\"codes\": {\"1\": 1}}");

        assertThatThrownBy(() -> CodeLists.load(dir, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/codes/1 must be a string");
    }

    @Test
    void aMissingDirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> CodeLists.load(dir.resolve("absent"), JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void onlyJsonFilesAreLists(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"codes\": {\"x\": \"X\"}}");
        Files.writeString(dir.resolve("README.md"), "not a list");

        CodeLists lists = new CodeLists(CodeLists.load(dir, JSON));

        assertThat(lists.has("a")).isTrue();
        assertThat(lists.has("README")).isFalse();
        assertThat(lists.lookup("a", "x")).isEqualTo("X");
    }
}
