package org.citystep.city;

import java.time.Instant;
import java.util.Collection;

import org.citystep.search.SearchIndexDefinition;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The cities index: its definition, its documents (all, changed since, or by id). */
@Component
class CitySearchIndex implements SearchSource {

    private final CityService cities;

    CitySearchIndex(CityService cities) {
        this.cities = cities;
    }

    @Configuration(proxyBeanMethods = false)
    static class Definition {

        @Bean
        static SearchIndexDefinition citySearchIndexDefinition() {
            return new SearchIndexDefinition(CitySearchDocument.INDEX, CitySearchDocument.TYPE,
                    "city/search-mapping.json");
        }
    }

    @Override
    public String indexName() {
        return CitySearchDocument.INDEX;
    }

    @Override
    public Mono<Long> count() {
        return cities.count();
    }

    @Override
    public Flux<SearchIndexer.Indexable> all() {
        return cities.all().map(CitySearchIndex::indexable);
    }

    @Override
    public Flux<SearchIndexer.Indexable> changedSince(Instant since) {
        return cities.changedSince(since).map(CitySearchIndex::indexable);
    }

    @Override
    public Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
        return cities.getAll(ids).map(CitySearchIndex::indexable);
    }

    private static SearchIndexer.Indexable indexable(City city) {
        return new SearchIndexer.Indexable(city.id(), city.version(), CitySearchDocument.of(city));
    }
}
