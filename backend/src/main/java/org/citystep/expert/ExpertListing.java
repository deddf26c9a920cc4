package org.citystep.expert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.citystep.search.ReadModelQueries;
import org.citystep.shared.language.LanguageTags;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.BackingServiceUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/**
 * The experts directory and the reviewer picker read through the search read model: Elasticsearch
 * filters (status, characteristic, service domain, language by primary tag, the start of the name),
 * sorts by id and counts; MongoDB is read by id for the page only. Filtered by MongoDB, the embedded
 * server read every expert at each request. While Elasticsearch is unreachable, up to
 * {@value #DIRECT_READ_LIMIT} experts are listed from MongoDB directly; more answer 503 until
 * search is back.
 */
@Component
class ExpertListing {

    static final long DIRECT_READ_LIMIT = 5_000;

    private final ReadModelQueries queries;
    private final Experts experts;
    private final ReactiveMongoTemplate template;

    ExpertListing(ReadModelQueries queries, Experts experts, ReactiveMongoTemplate template) {
        this.queries = queries;
        this.experts = experts;
        this.template = template;
    }

    /** {@code status} null: every expert but retired ones. */
    Mono<PageResponse<Expert>> list(ExpertFilter filter, @Nullable ExpertStatus status, PageParams page) {
        List<SortOptions> byId = List.of(SortOptions.of(s -> s.field(f -> f.field("expertId").order(SortOrder.Asc)
                .unmappedType(FieldType.Keyword))));
        return queries.listPage(ExpertSearchDocument.INDEX, readModelQuery(filter, status), page, byId, "experts",
                        experts::findAllById, Expert::id, expert -> fits(expert, filter, status))
                .onErrorResume(BackingServiceUnavailableException.class, down -> template.estimatedCount(Expert.class)
                        .flatMap(size -> size > DIRECT_READ_LIMIT ? Mono.error(down) : direct(filter, status, page)));
    }

    private static Query readModelQuery(ExpertFilter filter, @Nullable ExpertStatus status) {
        List<Query> filters = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("type").value(ExpertSearchDocument.TYPE))));
        if (status != null) {
            filters.add(term("status", status.name()));
        } else {
            excluded.add(term("status", ExpertStatus.RETIRED.name()));
        }
        if (filter.characteristic() != null) {
            filters.add(term("characteristic", filter.characteristic().name()));
        }
        if (filter.serviceDomain() != null) {
            filters.add(term("serviceDomain", filter.serviceDomain().name()));
        }
        if (filter.language() != null) {
            filters.add(term("language", LanguageTags.primary(filter.language())));
        }
        String name = words(filter.name());
        if (!name.isEmpty()) {
            filters.add(Query.of(q -> q.matchBoolPrefix(m -> m.field("title.en").query(name).operator(Operator.And))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters).mustNot(excluded)));
    }

    /** The read model trails a write by up to a second: an expert who changed meanwhile is left out, not shown wrongly. */
    private static boolean fits(Expert expert, ExpertFilter filter, @Nullable ExpertStatus status) {
        ExpertProfile p = expert.profile();
        return (status == null ? expert.status() != ExpertStatus.RETIRED : expert.status() == status)
                && (filter.characteristic() == null || p.expertise().characteristics().contains(filter.characteristic()))
                && (filter.serviceDomain() == null || p.expertise().serviceDomains().contains(filter.serviceDomain()))
                && (filter.language() == null
                        || LanguageTags.primaries(p.languages()).contains(LanguageTags.primary(filter.language())));
    }

    /** Without search, for a directory small enough to read: every expert of the collection is read. */
    private Mono<PageResponse<Expert>> direct(ExpertFilter filter, @Nullable ExpertStatus status, PageParams page) {
        org.springframework.data.mongodb.core.query.Query query = new org.springframework.data.mongodb.core.query.Query();
        query.addCriteria(status != null ? where("status").is(status) : where("status").ne(ExpertStatus.RETIRED));
        if (filter.characteristic() != null) {
            query.addCriteria(where("profile.expertise.characteristics").is(filter.characteristic()));
        }
        if (filter.serviceDomain() != null) {
            query.addCriteria(where("profile.expertise.serviceDomains").is(filter.serviceDomain()));
        }
        if (filter.language() != null) {
            String primary = LanguageTags.primary(filter.language());
            query.addCriteria(where("profile.languages").regex("^" + Pattern.quote(primary) + "($|-)", "i"));
        }
        String name = words(filter.name());
        if (!name.isEmpty()) {
            // every word of the name starts with one of the words typed, in any order: as the read model
            List<org.springframework.data.mongodb.core.query.Criteria> words = new ArrayList<>();
            for (String word : name.split(" ")) {
                words.add(where("profile.name").regex("(^|[\\s\\p{Punct}])" + Pattern.quote(word), "i"));
            }
            query.addCriteria(new org.springframework.data.mongodb.core.query.Criteria().andOperator(words));
        }
        return Mono.zip(template.find(org.springframework.data.mongodb.core.query.Query.of(query)
                                .with(page.toPageRequest(Sort.by("id"))), Expert.class).collectList(),
                        template.count(org.springframework.data.mongodb.core.query.Query.of(query), Expert.class))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    private static String words(@Nullable String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
