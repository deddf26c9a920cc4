package org.citystep.city;

import org.citystep.search.SearchIndexDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CitySearchIndex {

    @Bean
    SearchIndexDefinition citySearchIndexDefinition() {
        return new SearchIndexDefinition(CitySearchDocument.INDEX, CitySearchDocument.TYPE, "city/search-mapping.json");
    }
}
