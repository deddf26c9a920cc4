package org.citystep.casestudy;

import org.citystep.city.CityService;
import org.citystep.search.SearchDocuments;
import org.citystep.search.SearchIndex;
import org.citystep.search.SearchVisibility;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case-studies index: a case study is found once published, and by its own city's editors
 * before that. Its documents show their city's region and country, so a city that moves has them
 * indexed again.
 */
@Configuration(proxyBeanMethods = false)
class CaseStudySearchIndex {

    @Bean
    static SearchIndex caseStudiesIndex() {
        return new SearchIndex(CaseStudySearchDocument.INDEX, CaseStudySearchDocument.TYPE, "casestudy/search-mapping.json",
                SearchVisibility.when("status", CaseStudyStatus.PUBLISHED.name()).orOwnedByCityIn("cityId"));
    }

    @Bean
    SearchDocuments caseStudiesDocuments(CaseStudyService studies) {
        return SearchDocuments.of(CaseStudySearchDocument.INDEX,
                        SearchDocuments.Source.of(studies::count, studies::all, studies::changedSince, studies::getAll),
                        studies::searchDocuments)
                .dependsOn(CityService.SEARCH_INDEX, studies::idsOfCity);
    }
}
