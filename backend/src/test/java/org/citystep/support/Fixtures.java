package org.citystep.support;

import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Small builders of request bodies the API tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> city(String id, String englishName, String country, String region) {
        return Map.of("id", id, "name", Map.of("en", englishName), "country", country, "region", region);
    }

    /** The {@code version} of what {@code path} answers (read as a curator, who may read drafts). */
    public static long version(WebTestClient client, String path) {
        byte[] body = client.mutateWith(Users.curator()).get().uri(path).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Long.parseLong(new String(body).replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
    }

    /** Creates and approves an expert record, for reviewers of assessments. */
    public static void approvedExpert(WebTestClient client, String id) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(Map.of("id", id, "name", "Reviewer " + id, "country", "NL", "region", "EU",
                        "languages", java.util.List.of("en"),
                        "expertise", Map.of("characteristics", java.util.List.of("FUNDING")), "availability", "AVAILABLE"))
                .exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/{id}/approve", id)
                .bodyValue(Map.of("version", 0)).exchange().expectStatus().isOk();
    }

    public static void createCity(WebTestClient client, String id, String country, String region) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(city(id, "City " + id, country, region)).exchange()
                .expectStatus().isCreated();
    }
}
