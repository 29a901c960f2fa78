package vn.gov.prefill.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import vn.gov.prefill.source.RecordReader;
import vn.gov.prefill.source.SourceOutcome;

/**
 * Runs a plan wave by wave: the reads of a wave in parallel (one call per source and identifier,
 * however many subjects share it), the next wave once they are in, no read outliving the deadline.
 * The only way from the flow to the registries.
 */
@Component
public class WaveRunner {

    private final RecordReader registries;

    public WaveRunner(RecordReader registries) {
        this.registries = registries;
    }

    /**
     * Runs every wave of {@code plan}; the plan then holds an outcome for each of its reads. A record
     * several subjects share (the same source and identifier) is read once.
     */
    public void run(BindingPlan plan, String requestId, String purpose, long deadline) {
        run(plan, requestId, purpose, deadline, new ReadCache());
    }

    /**
     * As {@link #run(BindingPlan, String, String, long)}, taking each record from {@code cache} when this
     * request has read it already (the form dry runs behind suggestions).
     */
    public void run(BindingPlan plan, String requestId, String purpose, long deadline, ReadCache cache) {
        for (List<BindingPlan.Fetch> wave = plan.nextWave(); wave != null; wave = plan.nextWave()) {
            List<CompletableFuture<SourceOutcome>> futures = new ArrayList<>(wave.size());
            for (BindingPlan.Fetch f : wave) {
                futures.add(cache.read(f.read().source(), null, f.id(),
                        () -> registries.read(f.read().source(), f.id(), requestId, purpose, deadline)));
            }
            for (int i = 0; i < wave.size(); i++) {
                plan.done(wave.get(i).read(), futures.get(i).join());
            }
        }
    }

    /** Runs every wave of {@code plan}, each read through its own route, once per request thanks to {@code cache}. */
    public void run(RecordPlan plan, String requestId, String purpose, long deadline, ReadCache cache) {
        for (List<RecordPlan.Fetch> wave = plan.nextWave(); wave != null; wave = plan.nextWave()) {
            List<CompletableFuture<SourceOutcome>> futures = new ArrayList<>(wave.size());
            for (RecordPlan.Fetch f : wave) {
                RecordPlan.Lookup l = f.lookup();
                String id = f.subject().id();
                futures.add(cache.read(l.source(), l.endpoint(), id, () -> l.endpoint() == null
                        ? registries.read(l.source(), id, requestId, purpose, deadline)
                        : registries.read(l.source(), l.endpoint(), id, requestId, purpose, deadline)));
            }
            for (int i = 0; i < wave.size(); i++) {
                plan.done(wave.get(i), futures.get(i).join());
            }
        }
    }

    /** One read through another route of a registry (the relation checks of actingFor). */
    public SourceOutcome readVia(String source, String endpoint, String key, String requestId, String purpose, long deadline) {
        return registries.read(source, endpoint, key, requestId, purpose, deadline).join();
    }
}
