package org.citystep.expert;

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

/** The experts index: its definition, its documents (all, changed since, or by id). */
@Component
class ExpertSearchIndex implements SearchSource {

    private final ExpertService experts;

    ExpertSearchIndex(ExpertService experts) {
        this.experts = experts;
    }

    @Configuration(proxyBeanMethods = false)
    static class Definition {

        @Bean
        static SearchIndexDefinition expertSearchIndexDefinition() {
            return new SearchIndexDefinition(ExpertSearchDocument.INDEX, ExpertSearchDocument.TYPE,
                    "expert/search-mapping.json");
        }
    }

    @Override
    public String indexName() {
        return ExpertSearchDocument.INDEX;
    }

    @Override
    public Mono<Long> count() {
        return experts.count();
    }

    @Override
    public Flux<SearchIndexer.Indexable> all() {
        return experts.all().map(ExpertSearchIndex::indexable);
    }

    @Override
    public Flux<SearchIndexer.Indexable> changedSince(Instant since) {
        return experts.changedSince(since).map(ExpertSearchIndex::indexable);
    }

    @Override
    public Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
        return experts.getAll(ids).map(ExpertSearchIndex::indexable);
    }

    private static SearchIndexer.Indexable indexable(Expert expert) {
        return new SearchIndexer.Indexable(expert.id(), expert.version(), ExpertSearchDocument.of(expert));
    }
}
