package vn.gov.prefill.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/v1/admin/indicators}: the figures of a period, as GATEWAY-API.md ("Operators and
 * indicators") fixes them. Shares are in [0, 1], rounded to 4 places, and null when there is nothing
 * to divide.
 */
record IndicatorReport(String from, String to, Figures total, List<Figures> forms, List<SourceFigures> sources,
                       List<SuggestionFigures> suggestions, List<JourneyFigures> channels, List<JourneyFigures> units) {

    /** The channels a dossier is filed through, each listed even when nothing was filed through it. */
    static final List<String> CHANNELS = List.of("ONLINE", "DESK");

    /** The statuses that count as the source having answered: with a record, or that it holds none. */
    static final List<String> ANSWERED = List.of("OK", "NOT_FOUND");
    /** Statuses of reads that never reached the source (no consent, not needed): not reads. */
    static final List<String> NOT_READ = List.of("NOT_CONSENTED", "SKIPPED");

    /**
     * One form's figures, or all forms' ({@code formId} and {@code procedureCode} then absent).
     * {@code bound}, {@code prefilled}, {@code kept}, {@code changed}, the shares and the medians are over the
     * valid submissions that followed a prefill; {@code dossiers} to {@code resultsReady} are the journey's
     * ({@link JourneyFigures}); {@code declaredPrefilled} the fields the period's prefills prefilled from declared
     * values; {@code attachmentsByReference} of {@code attachmentsFiled} the attachment slots of the dossiers filed in
     * the period filed with a document by reference, of all their slots, and their share.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) String formId,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String procedureCode,
                   long prefills, long submissions, long validSubmissions,
                   long bound, long prefilled, long kept, long changed,
                   Double coverage, Double reuse, Double reenteredNothingShare,
                   Number medianPrefillToSubmitSeconds, Number medianLoginToSubmitSeconds, Double loginToSubmitWithin5MinutesShare,
                   long dossiers, long delivered, long deliveryFailed, Number medianDeliverySeconds, long resultsReady,
                   long declaredPrefilled, long attachmentsByReference, long attachmentsFiled, Double attachmentsByReferenceShare,
                   long ratings, Double responseRate, Double satisfiedShare, long assistedFilers, Double laterFiledAloneShare) { }

    /**
     * The dossiers' journey in the period, each figure counting what happened within it: {@code dossiers} filed,
     * {@code delivered} (first received by the handling system), {@code deliveryFailed} (whose delivery failed and
     * that were still not delivered at the period's end), the median seconds from filing to delivery of those
     * delivered, {@code resultsReady} (results first ready). The citizens' verdict: {@code ratings} made in the period,
     * {@code responseRate} (of the dossiers filed in the period, those rated at least once, whenever) and
     * {@code satisfiedShare} (of the ratings, those scoring 4 or 5). Desk help: {@code assistedFilers} (the people filed
     * for at a desk in the period) and {@code laterFiledAloneShare} (of them, those who filed online after their first
     * desk filing of the period, whenever). Per channel ({@code channel}), or per desk unit ({@code unit}); the other
     * label absent.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JourneyFigures(@JsonInclude(JsonInclude.Include.NON_NULL) String channel,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
                          long dossiers, long delivered, long deliveryFailed, Number medianDeliverySeconds, long resultsReady,
                          long ratings, Double responseRate, Double satisfiedShare, long assistedFilers, Double laterFiledAloneShare) { }

    /** A source's reads; {@code name} is its name in the source catalogue (its schema's title), for people to read. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SourceFigures(String source, long reads, long ok, Double availability, Map<String, Long> statuses, String name) {
        SourceFigures(String source, long reads, long ok, Double availability, Map<String, Long> statuses) {
            this(source, reads, ok, availability, statuses, null);
        }
    }

    /**
     * Suggestions of a life event shown in the period, those of them followed, and followed ÷ shown; {@code title} is the
     * life event's title in its rule (null for a rule since removed).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SuggestionFigures(String lifeEvent, long shown, long followed, Double followedShare, String title) {
        SuggestionFigures(String lifeEvent, long shown, long followed, Double followedShare) {
            this(lifeEvent, shown, followed, followedShare, null);
        }
    }

    /** A form the report lists even when nothing happened to it in the period. */
    record Form(String id, String procedureCode) { }

    private static final long FIVE_MINUTES = 300;

    static IndicatorReport of(LocalDate from, LocalDate to, Collection<Form> catalogue, List<IndicatorStore.PrefillCount> prefills,
                              List<SubmissionTally> submissions, Collection<String> sourceNames,
                              Map<String, Map<String, Long>> reads, Collection<String> lifeEvents,
                              List<IndicatorStore.SuggestionCount> shown, List<Journey> journeys) {
        return of(from, to, catalogue, prefills, submissions, sourceNames, reads, lifeEvents, shown, journeys, List.of(), Map.of());
    }

    /**
     * @param ratings    the ratings made in the period
     * @param lastOnline of the people filed for at a desk in the period (by keyed HMAC), when each last filed online
     */
    static IndicatorReport of(LocalDate from, LocalDate to, Collection<Form> catalogue, List<IndicatorStore.PrefillCount> prefills,
                              List<SubmissionTally> submissions, Collection<String> sourceNames,
                              Map<String, Map<String, Long>> reads, Collection<String> lifeEvents,
                              List<IndicatorStore.SuggestionCount> shown, List<Journey> journeys, List<Rating> ratings,
                              Map<String, Instant> lastOnline) {
        ReportPeriod period = new ReportPeriod(from, to);
        Instant start = period.start();
        Instant end = period.end();
        Map<String, String> procedures = new LinkedHashMap<>();
        catalogue.forEach(f -> procedures.put(f.id(), f.procedureCode()));
        prefills.forEach(p -> procedures.putIfAbsent(p.formId(), p.procedureCode()));
        submissions.forEach(s -> procedures.putIfAbsent(s.formId(), s.procedureCode()));
        journeys.forEach(j -> procedures.putIfAbsent(j.formId(), j.procedureCode()));
        List<Figures> forms = new ArrayList<>();
        procedures.forEach((id, procedure) -> {
            List<Journey> ofForm = journeys.stream().filter(j -> j.formId().equals(id)).toList();
            forms.add(figures(id, procedure, prefills.stream().filter(p -> p.formId().equals(id)).toList(),
                    submissions.stream().filter(s -> s.formId().equals(id)).toList(),
                    journey(null, null, ofForm, ratings.stream().filter(r -> r.formId().equals(id)).toList(), lastOnline, start, end),
                    filedWithin(ofForm, start, end)));
        });
        Figures total = figures(null, null, prefills, submissions, journey(null, null, journeys, ratings, lastOnline, start, end),
                filedWithin(journeys, start, end));
        List<JourneyFigures> channels = new ArrayList<>();
        java.util.stream.Stream.concat(CHANNELS.stream(), journeys.stream().map(Journey::channel).filter(c -> !CHANNELS.contains(c)).sorted())
                .distinct()
                .forEach(c -> channels.add(journey(c, null, journeys.stream().filter(j -> c.equals(j.channel())).toList(),
                        ratings.stream().filter(r -> c.equals(r.channel())).toList(), lastOnline, start, end)));
        List<JourneyFigures> units = new ArrayList<>();
        journeys.stream().filter(j -> "DESK".equals(j.channel()) && j.unit() != null).map(Journey::unit).distinct().sorted()
                .map(u -> journey(null, u, journeys.stream().filter(j -> "DESK".equals(j.channel()) && u.equals(j.unit())).toList(),
                        ratings.stream().filter(r -> "DESK".equals(r.channel()) && u.equals(r.unit())).toList(), lastOnline, start, end))
                // a unit whose only news in the period changed nothing (a failure delivered before the end) is not listed
                .filter(u -> u.dossiers() + u.delivered() + u.deliveryFailed() + u.resultsReady() + u.ratings() > 0)
                .forEach(units::add);
        Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
        sourceNames.forEach(name -> bySource.put(name, Map.of()));
        bySource.putAll(reads);
        List<SourceFigures> sources = new ArrayList<>();
        bySource.forEach((name, statuses) -> sources.add(source(name, statuses)));
        return new IndicatorReport(from.toString(), to.toString(), total, forms, sources, suggestions(lifeEvents, shown), channels, units);
    }

    /**
     * The journey figures of these dossiers over [start, end): each counts what happened in the period. A dossier
     * is delivered once (a later status, or a redelivery, does not deliver it again); it counts as failed in a
     * period where its delivery failed (once, however often) unless it was delivered before the period's end.
     */
    static JourneyFigures journey(String channel, String unit, List<Journey> journeys, Instant start, Instant end) {
        return journey(channel, unit, journeys, List.of(), Map.of(), start, end);
    }

    /** As above, with the verdict of these ratings (made in the period) and the desk help of these journeys. */
    static JourneyFigures journey(String channel, String unit, List<Journey> journeys, List<Rating> ratings,
                                  Map<String, Instant> lastOnline, Instant start, Instant end) {
        long dossiers = journeys.stream().filter(j -> within(j.filedAt(), start, end)).count();
        List<Journey> delivered = journeys.stream().filter(j -> within(j.deliveredAt(), start, end)).toList();
        long failed = journeys.stream().filter(j -> j.failures().stream().anyMatch(t -> within(t, start, end))
                && (j.deliveredAt() == null || !j.deliveredAt().isBefore(end))).count();
        long results = journeys.stream().filter(j -> within(j.resultAt(), start, end)).count();
        List<Long> seconds = delivered.stream()
                .map(j -> Math.max(0, Duration.between(j.filedAt(), j.deliveredAt()).toSeconds())).toList();
        long rated = journeys.stream().filter(j -> within(j.filedAt(), start, end) && j.rated()).count();
        long satisfied = ratings.stream().filter(Rating::satisfied).count();
        // each person helped at a desk in the period, at their first desk filing in it
        Map<String, Instant> helped = new LinkedHashMap<>();
        journeys.stream().filter(j -> "DESK".equals(j.channel()) && j.filerKey() != null && within(j.filedAt(), start, end))
                .forEach(j -> helped.merge(j.filerKey(), j.filedAt(), (a, b) -> a.isBefore(b) ? a : b));
        long alone = helped.entrySet().stream()
                .filter(h -> lastOnline.containsKey(h.getKey()) && lastOnline.get(h.getKey()).isAfter(h.getValue())).count();
        return new JourneyFigures(channel, unit, dossiers, delivered.size(), failed, median(seconds), results, ratings.size(),
                share(rated, dossiers), share(satisfied, ratings.size()), helped.size(), share(alone, helped.size()));
    }

    /** The journeys of the dossiers filed in [start, end): their attachments are counted in the month filed. */
    static List<Journey> filedWithin(List<Journey> journeys, Instant start, Instant end) {
        return journeys.stream().filter(j -> within(j.filedAt(), start, end)).toList();
    }

    private static boolean within(Instant t, Instant start, Instant end) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    /** The figures of these prefills, submissions and journey; {@code filed} the journeys of the dossiers filed in the period. */
    static Figures figures(String formId, String procedureCode, List<IndicatorStore.PrefillCount> prefillCounts,
                           List<SubmissionTally> submissions, JourneyFigures journey, List<Journey> filed) {
        long prefills = prefillCounts.stream().mapToLong(IndicatorStore.PrefillCount::prefills).sum();
        long declaredPrefilled = prefillCounts.stream().mapToLong(IndicatorStore.PrefillCount::declaredPrefilled).sum();
        long byReference = filed.stream().mapToLong(Journey::attachmentsByReference).sum();
        long attachments = filed.stream().mapToLong(Journey::attachmentsFiled).sum();
        long valid = submissions.stream().filter(SubmissionTally::valid).count();
        List<SubmissionTally> reused = submissions.stream().filter(s -> s.valid() && s.afterPrefill()).toList();
        long bound = reused.stream().mapToLong(SubmissionTally::bound).sum();
        long prefilled = reused.stream().mapToLong(SubmissionTally::prefilled).sum();
        long kept = reused.stream().mapToLong(SubmissionTally::kept).sum();
        long changed = reused.stream().mapToLong(SubmissionTally::changed).sum();
        long nothingChanged = reused.stream().filter(s -> s.changed() == 0).count();
        List<Long> sincePrefill = reused.stream().map(SubmissionTally::secondsSincePrefill).filter(v -> v != null).toList();
        List<Long> sinceLogin = submissions.stream().filter(SubmissionTally::valid).map(SubmissionTally::secondsSinceSignIn)
                .filter(v -> v != null).toList();
        long withinFive = sinceLogin.stream().filter(v -> v <= FIVE_MINUTES).count();
        return new Figures(formId, procedureCode, prefills, submissions.size(), valid, bound, prefilled, kept, changed,
                share(prefilled, bound), share(kept, bound), share(nothingChanged, reused.size()),
                median(sincePrefill), median(sinceLogin), share(withinFive, sinceLogin.size()),
                journey.dossiers(), journey.delivered(), journey.deliveryFailed(), journey.medianDeliverySeconds(), journey.resultsReady(),
                declaredPrefilled, byReference, attachments, share(byReference, attachments), journey.ratings(), journey.responseRate(),
                journey.satisfiedShare(), journey.assistedFilers(), journey.laterFiledAloneShare());
    }

    /** Every life event the gateway may suggest, then any other recorded in the period (a rule since removed). */
    static List<SuggestionFigures> suggestions(Collection<String> lifeEvents, List<IndicatorStore.SuggestionCount> shown) {
        Map<String, IndicatorStore.SuggestionCount> byEvent = new LinkedHashMap<>();
        lifeEvents.forEach(e -> byEvent.put(e, new IndicatorStore.SuggestionCount(e, 0, 0)));
        shown.forEach(c -> byEvent.put(c.lifeEvent(), c));
        List<SuggestionFigures> out = new ArrayList<>();
        byEvent.values().forEach(c -> out.add(new SuggestionFigures(c.lifeEvent(), c.shown(), c.followed(), share(c.followed(), c.shown()))));
        return out;
    }

    static SourceFigures source(String name, Map<String, Long> statuses) {
        Map<String, Long> counted = new LinkedHashMap<>();
        statuses.forEach((status, n) -> {
            if (!NOT_READ.contains(status)) {
                counted.put(status, n);
            }
        });
        long reads = counted.values().stream().mapToLong(Long::longValue).sum();
        long ok = ANSWERED.stream().mapToLong(s -> counted.getOrDefault(s, 0L)).sum();
        return new SourceFigures(name, reads, ok, share(ok, reads), counted);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /** The middle value; of an even count, the mean of the two middle ones (a whole number when it is one). */
    static Number median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        long sum = sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return sum % 2 == 0 ? (Number) (sum / 2) : (Number) (sum / 2.0);
    }

    /** The same report, its life events with their titles and its sources with their names (those not given stay null). */
    IndicatorReport named(Map<String, String> lifeEventTitles, Map<String, String> sourceNames) {
        List<SourceFigures> namedSources = sources.stream().map(s -> new SourceFigures(s.source(), s.reads(), s.ok(), s.availability(),
                s.statuses(), sourceNames.get(s.source()))).toList();
        List<SuggestionFigures> namedSuggestions = suggestions.stream().map(s -> new SuggestionFigures(s.lifeEvent(), s.shown(),
                s.followed(), s.followedShare(), lifeEventTitles.get(s.lifeEvent()))).toList();
        return new IndicatorReport(from, to, total, forms, namedSources, namedSuggestions, channels, units);
    }
}
