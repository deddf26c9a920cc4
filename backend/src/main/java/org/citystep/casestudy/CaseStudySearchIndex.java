package org.citystep.casestudy;

import org.citystep.search.SearchIndexCreated;
import org.citystep.search.SearchIndexDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The case-studies index (published ones only): declared here, refilled from MongoDB when created anew. */
@Configuration(proxyBeanMethods = false)
class CaseStudySearchIndex {

    private static final Logger log = LoggerFactory.getLogger(CaseStudySearchIndex.class);

    private final CaseStudyService studies;

    CaseStudySearchIndex(CaseStudyService studies) {
        this.studies = studies;
    }

    @Bean
    static SearchIndexDefinition caseStudySearchIndexDefinition() {
        return new SearchIndexDefinition(CaseStudySearchDocument.INDEX, CaseStudySearchDocument.TYPE,
                "casestudy/search-mapping.json");
    }

    @EventListener
    void fill(SearchIndexCreated created) {
        if (!CaseStudySearchDocument.INDEX.equals(created.name())) {
            return;
        }
        studies.reindexAll().subscribe(
                count -> log.info("Indexed {} published case studies into the new index", count),
                failure -> log.warn("Could not fill the new case-studies index: {}", failure.toString()));
    }
}
