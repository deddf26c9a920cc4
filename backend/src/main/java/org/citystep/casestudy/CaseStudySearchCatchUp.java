package org.citystep.casestudy;

import org.citystep.search.SearchCatchUp;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Brings the search index in line with case studies whose latest write did not reach it. */
@Component
class CaseStudySearchCatchUp implements SearchCatchUp {

    static final int BATCH = 200;

    private final CaseStudyService studies;

    CaseStudySearchCatchUp(CaseStudyService studies) {
        this.studies = studies;
    }

    @Override
    public Mono<Long> catchUp() {
        return studies.pendingIndexing(BATCH).concatMap(studies::syncSearch).filter(Boolean::booleanValue).count();
    }
}
