package org.citystep.city;

import org.citystep.search.SearchIndexCreated;
import org.citystep.search.SearchIndexDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The cities index: declared here, and filled from MongoDB whenever it is created anew. */
@Configuration(proxyBeanMethods = false)
class CitySearchIndex {

    private static final Logger log = LoggerFactory.getLogger(CitySearchIndex.class);

    private final CityService cities;

    CitySearchIndex(CityService cities) {
        this.cities = cities;
    }

    @Bean
    static SearchIndexDefinition citySearchIndexDefinition() {
        return new SearchIndexDefinition(CitySearchDocument.INDEX, CitySearchDocument.TYPE, "city/search-mapping.json");
    }

    @EventListener
    void fill(SearchIndexCreated created) {
        if (!CitySearchDocument.INDEX.equals(created.name())) {
            return;
        }
        cities.reindexAll().subscribe(
                count -> log.info("Indexed {} cities into the new index", count),
                failure -> log.warn("Could not fill the new cities index: {}", failure.toString()));
    }
}
