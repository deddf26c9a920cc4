package org.citystep.casestudy;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface CaseStudies extends ReactiveMongoRepository<CaseStudy, String> {
}
