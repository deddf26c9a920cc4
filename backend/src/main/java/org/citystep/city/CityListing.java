package org.citystep.city;

import java.util.ArrayList;
import java.util.List;

import org.citystep.search.ReadModelQueries;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.BackingServiceUnavailableException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/**
 * The cities directory read through the search read model: Elasticsearch filters (region, country,
 * interest, level), sorts by id and counts; MongoDB is read by id for the page only. Sorted by
 * MongoDB, the embedded server read every city into memory at each request. While Elasticsearch is
 * unreachable, up to {@value #DIRECT_READ_LIMIT} cities are listed from MongoDB directly; more
 * answer 503 until search is back.
 */
@Component
class CityListing {

    static final long DIRECT_READ_LIMIT = 20_000;

    private final ReadModelQueries queries;
    private final Cities cities;
    private final ReactiveMongoTemplate template;

    CityListing(ReadModelQueries queries, Cities cities, ReactiveMongoTemplate template) {
        this.queries = queries;
        this.cities = cities;
        this.template = template;
    }

    Mono<PageResponse<City>> list(CityFilter filter, PageParams page) {
        List<SortOptions> byId = List.of(SortOptions.of(s -> s.field(f -> f.field("cityId").order(SortOrder.Asc))));
        return queries.listPage(CitySearchDocument.INDEX, readModelQuery(filter), page, byId, "cities",
                        cities::findAllById, City::id, city -> fits(city, filter))
                .onErrorResume(BackingServiceUnavailableException.class, down -> template.estimatedCount(City.class)
                        .flatMap(size -> size > DIRECT_READ_LIMIT ? Mono.error(down)
                                : cities.findFiltered(filter, page.toPageRequest(Sort.by("id")))
                                        .map(result -> new PageResponse<>(result.getContent(), page.page(), page.size(),
                                                result.getTotalElements()))));
    }

    private static Query readModelQuery(CityFilter filter) {
        List<Query> filters = new ArrayList<>();
        if (filter.region() != null) {
            filters.add(term("region", filter.region().name()));
        }
        if (filter.country() != null) {
            filters.add(term("country", filter.country()));
        }
        if (filter.interest() != null) {
            filters.add(term("interests", filter.interest().name()));
        }
        if (filter.characteristic() != null && filter.level() != null) {
            filters.add(term("levels." + filter.characteristic().name(), filter.level().name()));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static boolean fits(City city, CityFilter filter) {
        return (filter.region() == null || filter.region() == city.profile().region())
                && (filter.country() == null || filter.country().equals(city.profile().country()))
                && (filter.interest() == null || city.profile().interests().contains(filter.interest()))
                && (filter.characteristic() == null || filter.level() == null
                        || city.levels().get(filter.characteristic()) == filter.level());
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
