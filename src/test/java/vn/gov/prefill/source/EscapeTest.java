package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value placed in a SOAP body or a URL is escaped so it stays a value. */
class EscapeTest {

    private final Escape escape = new Escape();

    @ParameterizedTest(name = "xml({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<            | &lt;",
            ">            | &gt;",
            "&            | &amp;",
            "\"           | &quot;",
            "'            | &apos;",
            "a<b>&c\"d'e  | a&lt;b&gt;&amp;c&quot;d&apos;e",
            "&amp;        | &amp;amp;",
            "027190001234 | 027190001234",
            "Nguyễn Thị Hoa | Nguyễn Thị Hoa",
    })
    void xmlEscapesTheFiveMarkupCharacters(String raw, String escaped) {
        assertThat(escape.xml(raw)).isEqualTo(escaped);
    }

    @Test
    void xmlDropsControlCharactersButKeepsTabAndLineBreaks() {
        assertThat(escape.xml("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg")).isEqualTo("abcdefg");
        assertThat(escape.xml("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
    }

    @Test
    void xmlOfNullIsEmpty() {
        assertThat(escape.xml(null)).isEmpty();
    }

    @Test
    void anInjectionAttemptStaysTextInsideItsElement() throws Exception {
        String hostile = "027190001234</dc:SoDinhDanh><dc:SoDinhDanh>001090000001\u0000";
        String xml = "<r xmlns:dc=\"urn:x\"><dc:SoDinhDanh>" + escape.xml(hostile) + "</dc:SoDinhDanh></r>";

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        var numbers = document.getElementsByTagNameNS("urn:x", "SoDinhDanh");
        assertThat(numbers.getLength()).isEqualTo(1);
        assertThat(numbers.item(0).getTextContent()).isEqualTo("027190001234</dc:SoDinhDanh><dc:SoDinhDanh>001090000001");
    }

    @ParameterizedTest(name = "url({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0100233488         | 0100233488",
            "0100233488-001     | 0100233488-001",
            "a/b                | a%2Fb",
            "a?b                | a%3Fb",
            "a&b=c              | a%26b%3Dc",
            "a b                | a%20b",
            "a+b                | a%2Bb",
            "#x                 | %23x",
            "%2F                | %252F",
            "../admin           | ..%2Fadmin",
            "Đ                  | %C4%90",
    })
    void urlPercentEncodesOnePathSegmentOrQueryValue(String raw, String encoded) {
        assertThat(escape.url(raw)).isEqualTo(encoded);
    }

    @Test
    void urlOfNullIsEmpty() {
        assertThat(escape.url(null)).isEmpty();
    }

    @Test
    void prepareEscapesTheReadsValuesOnceForEveryPlaceTheyGo() {
        org.apache.camel.Exchange exchange = RegistryAnswers.exchange(200, new byte[0]);
        exchange.setProperty(SourceFetcher.SUBJECT, "02719 0<1&2");
        exchange.setProperty(SourceFetcher.REQUEST_ID, "req-1\"><x>");
        exchange.setProperty(SourceFetcher.PURPOSE, "2.000488&");

        escape.prepare(exchange);

        assertThat(exchange.getProperty(Escape.SUBJECT_URL)).isEqualTo("02719%200%3C1%262");
        assertThat(exchange.getProperty(Escape.SUBJECT_XML)).isEqualTo("02719 0&lt;1&amp;2");
        assertThat(exchange.getProperty(Escape.REQUEST_ID_XML)).isEqualTo("req-1&quot;&gt;&lt;x&gt;");
        assertThat(exchange.getProperty(Escape.PURPOSE_XML)).isEqualTo("2.000488&amp;");
    }
}
