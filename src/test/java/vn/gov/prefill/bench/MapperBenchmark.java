package vn.gov.prefill.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.CodeLists;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.mapping.FieldMapper;
import vn.gov.prefill.mapping.MappedForm;
import vn.gov.prefill.plan.BindingPlan;
import vn.gov.prefill.source.MockRecords;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;

/**
 * The mapping engine alone: the bindings of criminal-record-request (four population reads in two waves:
 * Hoa, then her father, mother and husband) over the mocks' records, with no registry, route or HTTP.
 * Run by bench/jmh.sh from the project root (the catalogs read schemas/ from the working directory);
 * {@code mvn verify} never runs it (no test naming, no JUnit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapperBenchmark {

    static final String FORM = "criminal-record-request";
    static final String HOA = "027190001234";

    FormDefinition form;
    SourceCatalog sources;
    FieldMapper mapper;
    Map<String, JsonNode> records;
    BindingPlan read;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        GatewayProperties properties = new GatewayProperties();
        sources = new SourceCatalog(properties, json);
        form = new FormCatalog(properties, json, sources, new Transforms(new CodeLists(properties, json))).get(FORM);
        mapper = new FieldMapper(sources);
        records = new HashMap<>();
        for (String number : List.of(HOA, "027060000111", "027162000222", "027088004321")) {
            records.put(number, MockRecords.population(Path.of("mocks/__files/population", number + ".xml")));
        }
        read = planRead();
        if (mapper.map(form, read).released() == 0) {
            throw new IllegalStateException(FORM + ": nothing prefilled from the mock records");
        }
    }

    /** The plan of Hoa's request with every wave answered from the records, as the wave runner leaves it. */
    BindingPlan planRead() {
        BindingPlan plan = BindingPlan.forForm(sources, form, HOA, null, null);
        for (List<BindingPlan.Fetch> wave = plan.nextWave(); wave != null; wave = plan.nextWave()) {
            for (BindingPlan.Fetch fetch : wave) {
                JsonNode record = records.get(fetch.id());
                plan.done(fetch.read(), record == null
                        ? SourceOutcome.of(fetch.read().source(), ReadStatus.NOT_FOUND, 30, null)
                        : new SourceOutcome(fetch.read().source(), ReadStatus.OK, record, 30, null));
            }
        }
        return plan;
    }

    /** Mapping only: pointers, transforms, precedence, provenance over records already read. */
    @Benchmark
    public MappedForm map() {
        return mapper.map(form, read);
    }

    /** Planning the waves from the bindings, settling the subjects from the records, then mapping. */
    @Benchmark
    public MappedForm planAndMap() {
        return mapper.map(form, planRead());
    }
}
