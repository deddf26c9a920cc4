package org.citystep.demo;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Written last when a generated data set has been loaded and indexed completely.
 *
 * @param phaseSeconds how long each phase took
 */
@Document("generated_data")
record GenerationMarker(@Id String id, long cities, long caseStudies, long experts, long seed,
        Map<String, Double> phaseSeconds, Instant finishedAt) {
}
