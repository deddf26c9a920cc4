package org.citystep.city;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.ReadModelQueries;
import org.jspecify.annotations.Nullable;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The questions about many cities that the search read model answers (the embedded MongoDB can
 * only read by id): which cities stand at a level, and how many of each group stand at each level.
 */
final class CityReadModel {

    private final ReadModelQueries queries;

    CityReadModel(ReadModelQueries queries) {
        this.queries = queries;
    }

    /**
     * Up to {@code limit} cities at {@code level} in {@code characteristic}, other than
     * {@code of}, most alike first: same country, region and kind of administration, shared interests,
     * a population of the same order, and any of {@code preferred} (for example cities with case studies
     * of the step). The cut-off is by likeness, never alphabetical.
     */
    Mono<List<CityStanding>> atLevel(Characteristic characteristic, MaturityLevel level, City of,
            Collection<String> preferred, int limit) {
        CityProfile profile = of.profile();
        List<Query> alike = new ArrayList<>();
        alike.add(term("country", profile.country(), 3));
        alike.add(term("region", profile.region().name(), 1.5f));
        if (profile.administrativeLevel() != null) {
            alike.add(term("administrativeLevel", profile.administrativeLevel().name(), 1));
        }
        profile.interests().forEach(interest -> alike.add(term("interests", interest.name(), 1)));
        if (!preferred.isEmpty()) {
            alike.add(Query.of(q -> q.ids(i -> i.values(List.copyOf(preferred)).boost(4f))));
        }
        if (profile.population() != null && profile.population() > 0) {
            long population = profile.population();
            // a population within a factor of two scores at least half of this clause
            alike.add(Query.of(q -> q.functionScore(f -> f
                    .query(inner -> inner.exists(e -> e.field("population")))
                    .functions(fn -> fn.gauss(g -> g.untyped(u -> u.field("population")
                            .placement(p -> p.origin(JsonData.of(population)).scale(JsonData.of(population))
                                    .decay(0.5)))))
                    .boost(2f))));
        }
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("levels." + characteristic.name()).value(level.name())))
                .mustNot(n -> n.ids(i -> i.values(of.id())))
                .should(alike)));
        return queries.find(CitySearchDocument.INDEX, query, limit, List.of(), StandingSource.FIELDS,
                        StandingSource.class)
                .map(found -> found.stream().map(hit -> hit.source().standing(hit.id())).toList());
    }

    /** The fields of an indexed city that a {@link CityStanding} is made of. */
    record StandingSource(@Nullable Map<String, String> title, String region, String country, @Nullable Long population,
            @Nullable Map<String, String> levels, @Nullable List<String> interests, @Nullable String administrativeLevel,
            @Nullable List<String> languages) {

        static final List<String> FIELDS = List.of("title", "region", "country", "population", "levels", "interests",
                "administrativeLevel", "languages");

        CityStanding standing(String id) {
            Map<Characteristic, MaturityLevel> byCharacteristic = new EnumMap<>(Characteristic.class);
            if (levels != null) {
                levels.forEach((characteristic, level) ->
                        byCharacteristic.put(Characteristic.valueOf(characteristic), MaturityLevel.valueOf(level)));
            }
            Set<ServiceDomain> domains = interests == null ? Set.of()
                    : interests.stream().map(ServiceDomain::valueOf).collect(Collectors.toSet());
            CityProfile profile = new CityProfile(title == null ? Map.of() : title, country, Region.valueOf(region),
                    population, null, null, administrativeLevel == null ? null : AdministrativeLevel.valueOf(administrativeLevel),
                    languages == null ? List.of() : languages, Map.of(), domains, List.of(), List.of());
            return new CityStanding(id, profile, byCharacteristic);
        }
    }

    /** How many cities of each group (with a validated self-assessment) are at each level of {@code characteristic}. */
    Flux<LevelCount> levelCounts(Characteristic characteristic, CityGrouping grouping) {
        String groupField = grouping == CityGrouping.REGION ? "region" : "country";
        Query assessed = Query.of(q -> q.term(t -> t.field("assessed").value(true)));
        Map<String, Aggregation> aggregations = Map.of("groups", Aggregation.of(a -> a
                .terms(t -> t.field(groupField).size(1_000))
                .aggregations("levels", levels -> levels.terms(t -> t.field("levels." + characteristic.name())
                        .size(MaturityLevel.values().length).missing(MaturityLevel.NOT_ASSESSED.name())))));
        return queries.aggregate(CitySearchDocument.INDEX, assessed, aggregations)
                .flatMapIterable(found -> {
                    Aggregate groups = found.get("groups");
                    List<LevelCount> counts = new ArrayList<>();
                    if (groups == null || !groups.isSterms()) {
                        return counts;
                    }
                    for (StringTermsBucket group : groups.sterms().buckets().array()) {
                        for (StringTermsBucket level : group.aggregations().get("levels").sterms().buckets().array()) {
                            counts.add(new LevelCount(group.key().stringValue(),
                                    MaturityLevel.valueOf(level.key().stringValue()), level.docCount()));
                        }
                    }
                    return counts;
                });
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)).boost(boost)));
    }
}
