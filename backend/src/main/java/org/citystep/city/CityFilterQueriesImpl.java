package org.citystep.city;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Mono;

/** One page and the total, fetched concurrently; filter values are typed, never raw JSON. */
class CityFilterQueriesImpl implements CityFilterQueries {

    private final ReactiveMongoTemplate template;

    CityFilterQueriesImpl(ReactiveMongoTemplate template) {
        this.template = template;
    }

    @Override
    public Mono<Page<City>> findFiltered(CityFilter filter, Pageable pageable) {
        Query criteria = new Query();
        if (filter.region() != null) {
            criteria.addCriteria(where("profile.region").is(filter.region()));
        }
        if (filter.country() != null) {
            criteria.addCriteria(where("profile.country").is(filter.country()));
        }
        if (filter.interest() != null) {
            criteria.addCriteria(where("profile.interests").is(filter.interest()));
        }
        if (filter.characteristic() != null && filter.level() != null) {
            criteria.addCriteria(where("levels." + filter.characteristic().name()).is(filter.level()));
        }
        return Mono.zip(template.find(Query.of(criteria).with(pageable), City.class).collectList(),
                        template.count(Query.of(criteria), City.class))
                .map(pageAndTotal -> new PageImpl<>(pageAndTotal.getT1(), pageable, pageAndTotal.getT2()));
    }
}
