package org.citystep.assessment;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Assessments extends ReactiveMongoRepository<CityAssessments, String> {
}
