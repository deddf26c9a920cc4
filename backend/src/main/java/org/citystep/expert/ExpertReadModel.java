package org.citystep.expert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.citystep.reference.Characteristic;
import org.citystep.search.ReadModelQueries;
import org.citystep.shared.language.LanguageTags;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/** The questions about many experts that the search read model answers (MongoDB reads them by id). */
final class ExpertReadModel {

    private final ReadModelQueries queries;

    ExpertReadModel(ReadModelQueries queries) {
        this.queries = queries;
    }

    /**
     * Ids of approved, not unavailable experts in {@code characteristic} who work in one of
     * {@code languages} (by primary language), most relevant first: the service domains sought, the
     * same country, the same region, full availability.
     */
    Mono<List<String>> idsFor(Characteristic characteristic, Collection<String> languages,
            ExpertService.ExpertNeed need, int limit) {
        List<FieldValue> spoken = LanguageTags.primaries(languages).stream().map(FieldValue::of).toList();
        if (spoken.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Query> relevant = new ArrayList<>();
        need.serviceDomains().forEach(domain -> relevant.add(term("serviceDomain", domain.name(), 1)));
        relevant.add(term("country", need.country(), 2));
        relevant.add(term("region", need.region().name(), 1));
        relevant.add(term("availability", Availability.AVAILABLE.name(), 0.5f));
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("status").value(ExpertStatus.APPROVED.name())))
                .filter(f -> f.term(t -> t.field("characteristic").value(characteristic.name())))
                .filter(f -> f.terms(t -> t.field("language").terms(v -> v.value(spoken))))
                .mustNot(n -> n.term(t -> t.field("availability").value(Availability.UNAVAILABLE.name())))
                .should(relevant)));
        return queries.ids(ExpertSearchDocument.INDEX, query, limit, List.of());
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)).boost(boost)));
    }
}
