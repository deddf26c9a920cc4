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

    public static void createCity(WebTestClient client, String id, String country, String region) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(city(id, "City " + id, country, region)).exchange()
                .expectStatus().isCreated();
    }
}
