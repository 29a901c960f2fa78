package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway keeps about people, read back from the database after a run: every citizen persona
 * prefills a form and asks for suggestions on a node that keeps its rate limits in PostgreSQL. Then
 * every column of every table is searched for each persona's number and for its SHA-256 (whole, or
 * its first half as the rate limits once stored it). A number may appear only in the disclosure log's
 * actor and subject, the person's own record of who read what; a plain hash of it nowhere.
 */
class PersonalDataAtRestIT {

    /** Where a personal number is kept in clear: the disclosure log the person reads at /me/disclosures. */
    static final List<String> OWN_RECORD = List.of("disclosure.actor_id", "disclosure.subject_id");

    @TempDir
    Path root;

    @BeforeAll
    static void requirePostgres() {
        Cluster.requirePostgres();
    }

    record Cell(String column, String text) { }

    @Test
    void noPersonalNumberOutsideTheDisclosureLogAndNoPlainHashOfOneAnywhere() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (JsonNode persona : Cluster.JSON.readTree(Path.of("mocks/personas.json").toFile())) {
            if (persona.hasNonNull("citizenId") && !persona.get("id").asText().matches(".*(fault|slow|quota|expired|unknown|mismatch).*")) {
                numbers.add(persona.get("citizenId").asText());
            }
        }
        assertThat(numbers).hasSizeGreaterThan(15);
        List<Cell> cells;
        try (Cluster cluster = new Cluster(root)) {
            LaunchedGateway node = cluster.start("node");
            Cluster.awaitServing(node);
            for (String number : numbers) {
                String token = cluster.citizen(number);
                Cluster.Reply prefill = Cluster.send(node.port(), "POST", "/api/v1/forms/criminal-record-request/prefill", token, null);
                assertThat(prefill.status()).as(prefill.text()).isEqualTo(200);
                Cluster.Reply suggestions = Cluster.send(node.port(), "GET", "/api/v1/me/suggestions", token, null);
                assertThat(suggestions.status()).as(suggestions.text()).isEqualTo(200);
            }
            cells = everyCell(cluster.schema);
            // not vacuous: the run left what the gateway keeps about people
            assertThat(cells).filteredOn(c -> c.column().equals("rate_limit_buckets.id")).hasSizeGreaterThanOrEqualTo(numbers.size());
            assertThat(cells).filteredOn(c -> c.column().equals("indicator_suggestion.match_key") && c.text() != null).isNotEmpty();
            assertThat(cells).filteredOn(c -> c.column().equals("disclosure.subject_id")).hasSizeGreaterThanOrEqualTo(numbers.size());
        }
        for (String number : numbers) {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8)));
            for (Cell cell : cells) {
                if (cell.text() == null) {
                    continue;
                }
                String text = cell.text().toLowerCase();
                assertThat(text).as("%s holds the SHA-256 of a persona's number", cell.column()).doesNotContain(sha256.substring(0, 32));
                if (!OWN_RECORD.contains(cell.column())) {
                    assertThat(text).as("%s holds a persona's number", cell.column()).doesNotContain(number);
                }
            }
        }
    }

    /** Every value of every column of every table of the schema, as text. */
    static List<Cell> everyCell(String schema) throws Exception {
        List<Cell> cells = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Cluster.URL, Cluster.USER, Cluster.PASSWORD)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("disclosure", "rate_limit_buckets", "indicator_suggestion", "indicator_prefill");
            for (String table : tables) {
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + schema + "." + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(bytes)
                                    : value == null ? null : value.toString();
                            cells.add(new Cell(table + "." + rs.getMetaData().getColumnName(i), text));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
