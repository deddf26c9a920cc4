package org.citystep.matching;

import java.util.List;
import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Peers are found through the search read model. While it is down, matching answers 503 at once
 * (never a scan of every city), and the roadmap still shows the city's own staircase from MongoDB.
 */
@WithoutElasticsearch
class MatchingWithoutSearchTest {

    @Autowired
    WebTestClient client;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReferenceDataService reference;

    @Test
    void matchesAreUnavailableAndTheRoadmapShowsLevelsWithoutPeers() {
        Staircase.createCity(client, Staircase.city("ws-home", "NL", "EU", 500_000, "MUNICIPALITY",
                List.of("TRANSPORTATION"), List.of("en")));
        Staircase.assess(assessments, reference, "ws-home", Staircase.levels(MaturityLevel.BASIC, Map.of()));

        client.mutateWith(Users.editorOf("ws-home")).get().uri("/api/v1/cities/ws-home/matches?characteristic=FUNDING")
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:service-unavailable");

        client.mutateWith(Users.editorOf("ws-home")).get().uri("/api/v1/cities/ws-home/roadmap").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.peers").isEqualTo("UNAVAILABLE")
                .jsonPath("$.steps[?(@.characteristic == 'FUNDING')].level").isEqualTo("BASIC")
                .jsonPath("$.steps[?(@.characteristic == 'FUNDING')].nextLevel").isEqualTo("AVERAGE")
                .jsonPath("$.steps[?(@.characteristic == 'FUNDING')].missingCriteria").isNotEmpty()
                .jsonPath("$.steps[*].matches[*]").isEmpty();
    }
}
