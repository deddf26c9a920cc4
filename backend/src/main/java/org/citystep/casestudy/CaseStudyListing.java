package org.citystep.casestudy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.citystep.search.ReadModelQueries;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.BackingServiceUnavailableException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/**
 * Lists of case studies (the curation queue, a city's studies, by status, due for re-verification)
 * read through the search read model: Elasticsearch filters, sorts and counts, and MongoDB is read
 * by id for the page only. On the embedded MongoDB, which has no secondary indexes, the same list
 * sorted by MongoDB read all 100k case studies into memory at every request and ran a 512 MB heap
 * out. While Elasticsearch is unreachable, a collection of at most {@value #DIRECT_READ_LIMIT}
 * documents is listed from MongoDB directly; a larger one answers 503 until search is back.
 */
@Component
class CaseStudyListing {

    static final long DIRECT_READ_LIMIT = 20_000;

    private final ReadModelQueries queries;
    private final CaseStudies studies;
    private final ReactiveMongoTemplate template;
    private final Clock clock;

    CaseStudyListing(ReadModelQueries queries, CaseStudies studies, ReactiveMongoTemplate template, Clock clock) {
        this.queries = queries;
        this.studies = studies;
        this.template = template;
        this.clock = clock;
    }

    /**
     * The ids of the case studies the read model holds for the city, whatever their status, in
     * pages of at most {@link ReadModelQueries#MAX_OFFSET_WINDOW}; {@code beyond} when a city has
     * more than one page holds, or none at all: a restored city's case studies are not in the read
     * model until its fan-out put them back (a scan then). Fails with 503 while search is unreachable.
     */
    reactor.core.publisher.Flux<String> indexedIdsOfCity(String cityId,
            java.util.function.Supplier<reactor.core.publisher.Flux<String>> beyond) {
        Query ofCity = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("cityId").value(FieldValue.of(cityId))))));
        return queries.ids(CaseStudySearchDocument.INDEX, ofCity, ReadModelQueries.MAX_OFFSET_WINDOW, List.of())
                .flatMapMany(ids -> !ids.isEmpty() && ids.size() < ReadModelQueries.MAX_OFFSET_WINDOW
                        ? reactor.core.publisher.Flux.fromIterable(ids) : beyond.get());
    }

    Mono<PageResponse<CaseStudy>> list(CaseStudyFilter filter, PageParams page, CurrentUser user) {
        List<SortOptions> newestFirst = List.of(SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc))));
        return queries.listPage(CaseStudySearchDocument.INDEX, readModelQuery(filter, user), page, newestFirst,
                        "case studies", studies::findAllById, CaseStudy::id, study -> fits(study, filter, user))
                .onErrorResume(BackingServiceUnavailableException.class, down -> fromMongoDb(filter, page, user, down));
    }

    private Query readModelQuery(CaseStudyFilter filter, CurrentUser user) {
        List<Query> filters = new ArrayList<>();
        if (!isCurator(user)) {
            Query published = term("status", CaseStudyStatus.PUBLISHED.name());
            filters.add(user.has(Role.CITY_EDITOR) && user.cityId().isPresent()
                    ? Query.of(q -> q.bool(b -> b.should(published).should(term("cityId", user.cityId().get()))
                            .minimumShouldMatch("1")))
                    : published);
        }
        if (filter.cityId() != null) {
            filters.add(term("cityId", filter.cityId()));
        }
        if (filter.status() != null) {
            filters.add(term("status", filter.status().name()));
        }
        if (filter.serviceDomain() != null) {
            filters.add(term("serviceDomain", filter.serviceDomain().name()));
        }
        if (filter.characteristic() != null) {
            filters.add(term("characteristic", filter.characteristic().name()));
        }
        if (filter.dueForReverification()) {
            String cutoff = verifiedBefore().toString();
            filters.add(term("status", CaseStudyStatus.PUBLISHED.name()));
            filters.add(Query.of(q -> q.bool(b -> b
                    .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("lastVerified")))))
                    .should(s -> s.range(r -> r.date(d -> d.field("lastVerified").lt(cutoff))))
                    .minimumShouldMatch("1"))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /** The list's conditions, checked on the study as MongoDB holds it now (the read model may trail it). */
    private boolean fits(CaseStudy study, CaseStudyFilter filter, CurrentUser user) {
        boolean published = study.status() == CaseStudyStatus.PUBLISHED;
        boolean visible = isCurator(user) || published
                || (user.has(Role.CITY_EDITOR) && user.cityId().filter(study.cityId()::equals).isPresent());
        return visible
                && (filter.cityId() == null || filter.cityId().equals(study.cityId()))
                && (filter.status() == null || filter.status() == study.status())
                && (filter.serviceDomain() == null || study.content().serviceDomains().contains(filter.serviceDomain()))
                && (filter.characteristic() == null || study.content().steps().stream()
                        .anyMatch(step -> step.characteristic() == filter.characteristic()))
                && (!filter.dueForReverification() || (published
                        && (study.lastVerified() == null || study.lastVerified().isBefore(verifiedBefore()))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    /** The same list from MongoDB, while search is down and the collection is small enough to read. */
    private Mono<PageResponse<CaseStudy>> fromMongoDb(CaseStudyFilter filter, PageParams page, CurrentUser user,
            BackingServiceUnavailableException down) {
        return template.estimatedCount(CaseStudy.class).flatMap(size -> size > DIRECT_READ_LIMIT ? Mono.error(down)
                : Mono.zip(template.find(mongoQuery(filter, user).with(page.toPageRequest(
                                Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))), CaseStudy.class).collectList(),
                                template.count(mongoQuery(filter, user), CaseStudy.class))
                        .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2())));
    }

    private org.springframework.data.mongodb.core.query.Query mongoQuery(CaseStudyFilter filter, CurrentUser user) {
        List<Criteria> criteria = new ArrayList<>();
        if (!isCurator(user)) {
            Criteria published = where("status").is(CaseStudyStatus.PUBLISHED);
            criteria.add(user.has(Role.CITY_EDITOR) && user.cityId().isPresent()
                    ? new Criteria().orOperator(published, where("cityId").is(user.cityId().get()))
                    : published);
        }
        if (filter.cityId() != null) {
            criteria.add(where("cityId").is(filter.cityId()));
        }
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status()));
        }
        if (filter.serviceDomain() != null) {
            criteria.add(where("content.serviceDomains").is(filter.serviceDomain()));
        }
        if (filter.characteristic() != null) {
            criteria.add(where("content.steps.characteristic").is(filter.characteristic()));
        }
        if (filter.dueForReverification()) {
            criteria.add(where("status").is(CaseStudyStatus.PUBLISHED));
            criteria.add(new Criteria().orOperator(where("lastVerified").is(null),
                    where("lastVerified").lt(verifiedBefore())));
        }
        return criteria.isEmpty() ? new org.springframework.data.mongodb.core.query.Query()
                : new org.springframework.data.mongodb.core.query.Query(new Criteria().andOperator(criteria));
    }

    private LocalDate verifiedBefore() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(CaseStudy.REVERIFY_AFTER_MONTHS);
    }

    private static boolean isCurator(CurrentUser user) {
        return user.has(Role.CURATOR) || user.has(Role.ADMIN);
    }
}
