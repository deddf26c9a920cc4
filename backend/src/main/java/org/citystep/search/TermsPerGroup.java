package org.citystep.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The distinct values of some keyword fields per group of documents, for documents matching exact
 * filters: one composite aggregation over the group field (a page of groups per request, resumed
 * after the last key), with a terms aggregation per field inside each group. It reads the read
 * model instead of scanning MongoDB, e.g. the service domains and technologies of each city's
 * published case studies. Fails when Elasticsearch is unreachable or the index does not exist, so
 * a caller can tell "nothing" from "not known now".
 */
@Component
public class TermsPerGroup {

    private static final int GROUPS_PER_REQUEST = 1_000;
    private static final int VALUES_PER_FIELD = 200;

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;

    TermsPerGroup(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** One group and, per field asked for, its distinct values (sorted). */
    public record GroupTerms(String key, Map<String, List<String>> values) {
    }

    /**
     * Every group of {@code groupField} among the documents of index {@code indexName} whose fields
     * equal {@code filters}, with the distinct values of each of {@code fields}; in key order.
     */
    public Flux<GroupTerms> of(String indexName, String groupField, Map<String, String> filters, List<String> fields) {
        String alias = properties.aliasFor(indexName);
        return page(alias, groupField, filters, fields, null)
                .expand(page -> page.after() == null ? Mono.empty()
                        : page(alias, groupField, filters, fields, page.after()))
                .concatMapIterable(Page::groups);
    }

    private record Page(List<GroupTerms> groups, @Nullable Map<String, FieldValue> after) {
    }

    private Mono<Page> page(String alias, String groupField, Map<String, String> filters, List<String> fields,
            @Nullable Map<String, FieldValue> after) {
        List<Query> filterQueries = filters.entrySet().stream()
                .map(filter -> Query.of(q -> q.term(t -> t.field(filter.getKey()).value(filter.getValue())))).toList();
        Map<String, Aggregation> perField = new LinkedHashMap<>();
        fields.forEach(field -> perField.put(field, Aggregation.of(a -> a.terms(t -> t.field(field)
                .size(VALUES_PER_FIELD)))));
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .query(q -> q.bool(b -> b.filter(filterQueries)))
                        .aggregations("groups", a -> a
                                .composite(c -> {
                                    c.size(GROUPS_PER_REQUEST).sources(List.of(Map.of("key",
                                            CompositeAggregationSource.of(source -> source.terms(t -> t.field(groupField))))));
                                    if (after != null) {
                                        c.after(after);
                                    }
                                    return c;
                                })
                                .aggregations(perField)),
                        Void.class))
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    CompositeAggregate composite = response.aggregations().get("groups").composite();
                    List<GroupTerms> groups = new ArrayList<>();
                    for (CompositeBucket bucket : composite.buckets().array()) {
                        Map<String, List<String>> values = new LinkedHashMap<>();
                        for (String field : fields) {
                            var terms = bucket.aggregations().get(field);
                            values.put(field, terms == null || !terms.isSterms() ? List.of()
                                    : terms.sterms().buckets().array().stream().map(StringTermsBucket::key)
                                            .map(FieldValue::stringValue).sorted().toList());
                        }
                        groups.add(new GroupTerms(bucket.key().get("key").stringValue(), values));
                    }
                    boolean more = composite.buckets().array().size() == GROUPS_PER_REQUEST
                            && composite.afterKey() != null && !composite.afterKey().isEmpty();
                    return new Page(groups, more ? composite.afterKey() : null);
                });
    }
}
