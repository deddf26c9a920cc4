package org.citystep.expert;

import org.citystep.search.SearchDocuments;
import org.citystep.search.SearchIndex;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchVisibility;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The experts index: an expert is found once approved. */
@Configuration(proxyBeanMethods = false)
class ExpertSearchIndex {

    @Bean
    static SearchIndex expertsIndex() {
        return new SearchIndex(ExpertSearchDocument.INDEX, ExpertSearchDocument.TYPE, "expert/search-mapping.json",
                SearchVisibility.when("status", ExpertStatus.APPROVED.name()));
    }

    @Bean
    SearchDocuments expertsDocuments(ExpertService experts) {
        return SearchDocuments.of(ExpertSearchDocument.INDEX,
                SearchDocuments.Source.of(experts::count, experts::all, experts::changedSince, experts::getAll),
                found -> found.map(expert -> new SearchIndexer.Indexable(expert.id(), expert.version(),
                        ExpertSearchDocument.of(expert))));
    }
}
