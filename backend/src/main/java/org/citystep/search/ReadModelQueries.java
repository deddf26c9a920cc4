package org.citystep.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * "Which documents match X" for the features that own the documents: the read model answers it from
 * its indexes, so no request path scans a MongoDB collection (the embedded server has no secondary
 * indexes). Each feature builds its own query over its own index's fields; this type only runs it.
 * A failure to reach Elasticsearch is a {@code BackingServiceUnavailableException} (503).
 */
@Service
public class ReadModelQueries {

    /** A read-model query is a few milliseconds; one that takes longer is answered with what was found. */
    private static final String QUERY_TIMEOUT = "2s";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;

    ReadModelQueries(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** One document found: its id and the fields asked for. */
    public record Found<T>(String id, T source) {
    }

    /** The ids of the documents of {@code indexName} that match {@code query}, best first (or by {@code sort}). */
    public Mono<List<String>> ids(String indexName, Query query, int size, List<SortOptions> sort) {
        return idSearch(indexName, query, 0, size, sort, false).map(IdPage::ids);
    }

    /** A page of ids in the requested order, and how many documents match in all. */
    public record IdPage(List<String> ids, long total) {
    }

    /** Elasticsearch serves the first 10,000 hits of a query by offset (its max_result_window). */
    public static final int MAX_OFFSET_WINDOW = 10_000;

    /**
     * One page of a list read through the read model instead of a MongoDB scan: Elasticsearch filters,
     * sorts and counts; {@code byIds} reads the page's documents (from MongoDB, by id), which are
     * returned in Elasticsearch's order. The read model trails a write by up to a second (its
     * refresh): a document that changed meanwhile and no longer {@code fits} the list is left out
     * rather than shown wrongly. A page beyond the first 10,000 results answers 400.
     */
    public <T> Mono<PageResponse<T>> listPage(String indexName, Query query, PageParams page, List<SortOptions> sort,
            String what, Function<List<String>, Flux<T>> byIds, Function<T, String> idOf, Predicate<T> fits) {
        int from = page.page() * page.size();
        if (from + page.size() > MAX_OFFSET_WINDOW) {
            return Mono.error(ApiException.invalid("problem.pageWindow",
                    List.of(Problems.FieldMessage.of("page", "field.mustBeBelow", MAX_OFFSET_WINDOW / page.size())),
                    MAX_OFFSET_WINDOW));
        }
        return idSearch(indexName, query, from, page.size(), sort, true)
                .flatMap(found -> byIds.apply(found.ids()).collectMap(idOf, Function.identity())
                        .map(byId -> new PageResponse<>(found.ids().stream().map(byId::get).filter(Objects::nonNull)
                                .filter(fits).toList(), page.page(), page.size(), found.total())));
    }

    private Mono<IdPage> idSearch(String indexName, Query query, int from, int size, List<SortOptions> sort,
            boolean countAll) {
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(properties.aliasFor(indexName))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .timeout(QUERY_TIMEOUT)
                        .query(query)
                        .from(from)
                        .size(size)
                        .sort(sort)
                        .trackTotalHits(t -> t.enabled(countAll))
                        .source(src -> src.fetch(false)),
                        Void.class))
                .timeout(CLIENT_TIMEOUT)
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> new IdPage(response.hits().hits().stream().map(Hit::id).toList(),
                        response.hits().total() == null ? 0 : response.hits().total().value()));
    }

    /** As {@link #ids}, with the {@code includes} fields of each document read as {@code type}. */
    public <T> Mono<List<Found<T>>> find(String indexName, Query query, int size, List<SortOptions> sort,
            List<String> includes, Class<T> type) {
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(properties.aliasFor(indexName))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .timeout(QUERY_TIMEOUT)
                        .query(query)
                        .size(size)
                        .sort(sort)
                        .source(src -> src.filter(f -> f.includes(includes))),
                        type))
                .timeout(CLIENT_TIMEOUT)
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> response.hits().hits().stream()
                        .filter(hit -> hit.source() != null)
                        .map(hit -> new Found<>(hit.id(), hit.source())).toList());
    }

    /**
     * For each value of {@code groupField} among the documents matching {@code query} (at most
     * {@code groups} of them), its {@code perGroup} first documents by {@code sort}, with the
     * {@code includes} fields read as {@code type}, and how many documents the group has.
     */
    public <T> Mono<Map<String, GroupTop<T>>> topPerGroup(String indexName, Query query, String groupField, int groups,
            int perGroup, List<SortOptions> sort, List<String> includes, Class<T> type) {
        if (groups <= 0) {
            return Mono.just(Map.of());
        }
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(properties.aliasFor(indexName))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .timeout(QUERY_TIMEOUT)
                        .query(query)
                        .size(0)
                        .aggregations("groups", a -> a
                                .terms(t -> t.field(groupField).size(groups))
                                .aggregations("top", top -> top.topHits(h -> h.size(perGroup).sort(sort)
                                        .source(src -> src.filter(f -> f.includes(includes)))))),
                        Void.class))
                .timeout(CLIENT_TIMEOUT)
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    Map<String, GroupTop<T>> byGroup = new LinkedHashMap<>();
                    Aggregate aggregate = response.aggregations().get("groups");
                    if (aggregate == null || !aggregate.isSterms()) {
                        return byGroup;
                    }
                    for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                        List<Found<T>> top = bucket.aggregations().get("top").topHits().hits().hits().stream()
                                .filter(hit -> hit.source() != null)
                                .map(hit -> new Found<>(hit.id(), hit.source().to(type, client._jsonpMapper())))
                                .toList();
                        byGroup.put(bucket.key().stringValue(), new GroupTop<>(bucket.docCount(), top));
                    }
                    return byGroup;
                });
    }

    /** A group's size and its first documents. */
    public record GroupTop<T>(long count, List<Found<T>> first) {
    }

    /** Runs {@code aggregations} over the documents matching {@code query}; emits the aggregates by name. */
    public Mono<Map<String, Aggregate>> aggregate(String indexName, Query query, Map<String, Aggregation> aggregations) {
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(properties.aliasFor(indexName))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .timeout(QUERY_TIMEOUT)
                        .query(query)
                        .size(0)
                        .aggregations(aggregations),
                        Void.class))
                .timeout(CLIENT_TIMEOUT)
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> response.aggregations());
    }
}
