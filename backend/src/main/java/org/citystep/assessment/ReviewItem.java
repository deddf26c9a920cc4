package org.citystep.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One assessment in the review queue as the API shows it.
 *
 * @param cityName        the city's name per language
 * @param expertId        the assigned expert, if any
 * @param expertName      that expert's name
 * @param characteristics the characteristics the round answers
 * @param submittedAt     when this submission came in
 * @param version         the assessment's version to send with assign or claim
 */
@Schema(name = "ReviewItem", example = "{\"cityId\": \"chengdu\", \"cityName\": {\"en\": \"Chengdu\", \"zh\": \"成都\"}, "
        + "\"round\": 2, \"status\": \"ASSIGNED\", \"expertId\": \"demo-expert\", \"expertName\": \"Dr. Demo\", "
        + "\"characteristics\": [\"FUNDING\"], \"submittedAt\": \"2026-11-29T12:00:00Z\", "
        + "\"updatedAt\": \"2026-11-29T12:00:00Z\", \"version\": 5}")
public record ReviewItem(String cityId, Map<String, String> cityName, int round, ReviewStatus status,
        @Nullable String expertId, @Nullable String expertName, List<Characteristic> characteristics,
        Instant submittedAt, Instant updatedAt, long version) {
}
