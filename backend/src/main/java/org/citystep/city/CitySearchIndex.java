package org.citystep.city;

import org.citystep.search.SearchDocuments;
import org.citystep.search.SearchIndex;
import org.citystep.search.SearchIndexer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cities index: every city is public; retired ones and those being deleted are left out. */
@Configuration(proxyBeanMethods = false)
class CitySearchIndex {

    @Bean
    static SearchIndex citiesIndex() {
        return new SearchIndex(CitySearchDocument.INDEX, CitySearchDocument.TYPE, "city/search-mapping.json");
    }

    @Bean
    SearchDocuments citiesDocuments(CityService cities) {
        return SearchDocuments.of(CitySearchDocument.INDEX,
                SearchDocuments.Source.of(cities::countShown, cities::all, cities::changedSince, cities::shownByIds),
                found -> found.map(city -> new SearchIndexer.Indexable(city.id(), city.version(), CitySearchDocument.of(city))));
    }
}
