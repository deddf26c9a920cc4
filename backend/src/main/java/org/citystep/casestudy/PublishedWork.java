package org.citystep.casestudy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.ReadModelQueries;
import org.citystep.search.SearchService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/**
 * What cities have done, as matching asks it: which published case studies show a step, and whose
 * projects are like a city's own. Answered by the search read model (the embedded MongoDB can only
 * read by id); the case-study workflow itself lives in {@link CaseStudyService}.
 */
@Service
public class PublishedWork {

    private static final int OWN_STUDIES_COMPARED = 20;
    private static final String PUBLISHED = CaseStudyStatus.PUBLISHED.name();

    private final ReadModelQueries queries;
    private final SearchService search;

    PublishedWork(ReadModelQueries queries, SearchService search) {
        this.queries = queries;
        this.search = search;
    }

    /**
     * For each of {@code cityIds}, its published case studies that demonstrate the step {@code from}
     * → {@code to} in {@code characteristic}: how many, and the first {@code perCity}, best practice first.
     */
    public Mono<Map<String, StepEvidence.PerCity>> stepEvidence(Collection<String> cityIds,
            Characteristic characteristic, MaturityLevel from, MaturityLevel to, int perCity) {
        if (cityIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query query = Query.of(q -> q.bool(b -> b
                .filter(published())
                .filter(f -> f.term(t -> t.field("steps")
                        .value(CaseStudySearchDocument.stepKey(characteristic, from, to))))
                .filter(f -> f.terms(t -> t.field("cityId").terms(v -> v.value(cityIds.stream()
                        .map(FieldValue::of).toList()))))));
        List<SortOptions> bestFirst = List.of(
                SortOptions.of(s -> s.field(f -> f.field("bestPractice").order(SortOrder.Desc))),
                SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc))));
        CaseStudyContent.Step step = new CaseStudyContent.Step(characteristic, from, to);
        return queries.topPerGroup(CaseStudySearchDocument.INDEX, query, "cityId", cityIds.size(), perCity, bestFirst,
                        List.of("title", "bestPractice"), EvidenceSource.class)
                .map(byCity -> {
                    Map<String, StepEvidence.PerCity> evidence = new java.util.LinkedHashMap<>();
                    byCity.forEach((cityId, group) -> evidence.put(cityId, new StepEvidence.PerCity(group.count(),
                            group.first().stream().map(found -> new StepEvidence(found.id(), cityId,
                                    found.source().title() == null ? Map.of() : found.source().title(),
                                    found.source().bestPractice(), step)).toList())));
                    return evidence;
                });
    }

    /** Up to {@code limit} cities with the most published case studies of the step, most first. */
    public Mono<List<String>> citiesShowingStep(Characteristic characteristic, MaturityLevel from, MaturityLevel to,
            int limit) {
        Query query = Query.of(q -> q.bool(b -> b
                .filter(published())
                .filter(f -> f.term(t -> t.field("steps")
                        .value(CaseStudySearchDocument.stepKey(characteristic, from, to))))));
        return queries.aggregate(CaseStudySearchDocument.INDEX, query, Map.of("cities",
                        co.elastic.clients.elasticsearch._types.aggregations.Aggregation.of(a -> a
                                .terms(t -> t.field("cityId").size(limit)))))
                .map(found -> found.get("cities") == null || !found.get("cities").isSterms() ? List.<String>of()
                        : found.get("cities").sterms().buckets().array().stream()
                                .map(bucket -> bucket.key().stringValue()).toList());
    }

    /**
     * For each of {@code cityIds}, its published case study most like the case studies of
     * {@code cityId} (its {@value #OWN_STUDIES_COMPARED} newest, in any state but rejected or archived:
     * they describe its own work). Elasticsearch is not asked twice when the city has none.
     */
    public Mono<ProjectLikeness> mostLikeProjectsOf(String cityId, Collection<String> cityIds) {
        Query own = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("cityId").value(cityId)))
                .mustNot(n -> n.terms(t -> t.field("status").terms(v -> v.value(List.of(
                        FieldValue.of(CaseStudyStatus.REJECTED.name()), FieldValue.of(CaseStudyStatus.ARCHIVED.name()))))))));
        List<SortOptions> newest = List.of(SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc))));
        return queries.ids(CaseStudySearchDocument.INDEX, own, OWN_STUDIES_COMPARED, newest)
                .flatMap(ownIds -> ownIds.isEmpty() ? Mono.just(new ProjectLikeness(false, Map.of()))
                        : search.mostSimilarPerGroupToDocuments(CaseStudySearchDocument.INDEX, "cityId", cityIds, ownIds)
                                .map(byCity -> new ProjectLikeness(true, byCity)));
    }

    /**
     * @param ownProjects whether the city has case studies to compare with
     * @param byCity      each city's published case study most like them, with its score
     */
    public record ProjectLikeness(boolean ownProjects, Map<String, SearchService.GroupMatch> byCity) {
    }

    private static Query published() {
        return Query.of(q -> q.term(t -> t.field("status").value(PUBLISHED)));
    }

    /** The fields of an indexed case study that evidence shows. */
    record EvidenceSource(@Nullable Map<String, String> title, boolean bestPractice) {
    }
}
