package org.citystep.casestudy;

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

/** The case-studies index: its definition, its documents (all, changed since, or by id). */
@Component
class CaseStudySearchIndex implements SearchSource {

    private final CaseStudyService studies;

    CaseStudySearchIndex(CaseStudyService studies) {
        this.studies = studies;
    }

    @Configuration(proxyBeanMethods = false)
    static class Definition {

        @Bean
        static SearchIndexDefinition caseStudySearchIndexDefinition() {
            return new SearchIndexDefinition(CaseStudySearchDocument.INDEX, CaseStudySearchDocument.TYPE,
                    "casestudy/search-mapping.json");
        }
    }

    @Override
    public String indexName() {
        return CaseStudySearchDocument.INDEX;
    }

    @Override
    public Mono<Long> count() {
        return studies.count();
    }

    @Override
    public Flux<SearchIndexer.Indexable> all() {
        return studies.searchDocuments(studies.all());
    }

    @Override
    public Flux<SearchIndexer.Indexable> changedSince(Instant since) {
        return studies.searchDocuments(studies.changedSince(since));
    }

    @Override
    public Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
        return studies.searchDocuments(studies.getAll(ids));
    }
}
