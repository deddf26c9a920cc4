package org.citystep.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * City writes through the HTTP API: who may write which city, optimistic locking, and bad input
 * that must be refused without writing anything. Elasticsearch is down here, which must not
 * keep writes from succeeding.
 */
@WithoutElasticsearch
class CityApiTest {

    @Autowired
    WebTestClient client;

    private static Map<String, Object> city(String id, String englishName) {
        return Map.of("id", id, "name", Map.of("en", englishName), "country", "NL", "region", "EU",
                "population", 100_000);
    }

    private void create(String id) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").bodyValue(city(id, "City " + id)).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void curatorCreatesCityThatAnyoneCanRead() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("name", Map.of("en", "São Paulo", "pt", "São Paulo"), "country", "BR",
                        "region", "OTHER"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/cities/sao-paulo")
                .expectBody().jsonPath("$.version").isEqualTo(0);

        client.get().uri("/api/v1/cities/sao-paulo").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name.pt").isEqualTo("São Paulo")
                .jsonPath("$.region").isEqualTo("OTHER")
                .jsonPath("$.createdAt").isNotEmpty();
    }

    @Test
    void creatingTheSameCityTwiceIsConflict() {
        create("utrecht");
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").bodyValue(city("utrecht", "Utrecht")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:conflict");
    }

    @Test
    void editorUpdatesOwnCityWithTheRepresentationItRead() {
        create("amsterdam");
        byte[] read = client.get().uri("/api/v1/cities/amsterdam").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String changed = new String(read).replace("\"population\":100000", "\"population\":931000");

        client.mutateWith(Users.editorOf("amsterdam")).put().uri("/api/v1/cities/amsterdam")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.population").isEqualTo(931000)
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void editorCannotUpdateAnotherCity() {
        create("chengdu");
        client.mutateWith(Users.editorOf("amsterdam")).put().uri("/api/v1/cities/chengdu")
                .bodyValue(update(0, "Hacked")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("amsterdam"));

        client.get().uri("/api/v1/cities/chengdu").exchange()
                .expectBody().jsonPath("$.name.en").isEqualTo("City chengdu").jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void staleVersionIsConflictAndKeepsTheNewerData() {
        create("rotterdam");
        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/rotterdam").bodyValue(update(0, "First"))
                .exchange().expectStatus().isOk();

        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/rotterdam").bodyValue(update(0, "Second"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("version 1"));

        client.get().uri("/api/v1/cities/rotterdam").exchange()
                .expectBody().jsonPath("$.name.en").isEqualTo("First").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void updatingAMissingCityIsNotFound() {
        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/atlantis").bodyValue(update(0, "Atlantis"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:not-found");
    }

    @Test
    void invalidFieldsAreListedAndNothingIsWritten() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("id", "Bad Id!", "name", Map.of("fr", "Lyon"), "country", "france", "region", "EU",
                        "population", -5))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed")
                .jsonPath("$.errors[?(@.field == 'id')]").exists()
                .jsonPath("$.errors[?(@.field == 'country')]").exists()
                .jsonPath("$.errors[?(@.field == 'population')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").exists();

        client.get().uri("/api/v1/cities?country=FR").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void unknownFieldsAreRefused() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("name", Map.of("en", "Delft"), "country", "NL", "region", "EU", "mayor", "x"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Unknown field 'mayor'.")
                .jsonPath("$.errors[0].field").isEqualTo("mayor");
    }

    @Test
    void operatorInjectionIsRefusedAsAWrongType() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": {\"en\": \"Leiden\"}, \"country\": {\"$gt\": \"\"}, \"region\": \"EU\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("country")
                .jsonPath("$.errors[0].message").isEqualTo("must be a string");

        client.get().uri("/api/v1/cities?country={c}", "{\"$gt\": \"\"}").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void markupInPlainTextIsRefused() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("name", Map.of("en", "<script>alert(1)</script>"), "country", "NL", "region", "EU"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(f -> assertThat((String) f).startsWith("name"));
    }

    @Test
    void wrongEnumValueNamesTheAllowedValues() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("name", Map.of("en", "Gouda"), "country", "NL", "region", "MARS"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Field 'region' must be one of [EU, CHINA, OTHER].");
    }

    @Test
    void listIsPagedAndFiltered() {
        create("zwolle");
        create("zaandam");
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(Map.of("id", "xian", "name", Map.of("en", "Xi'an"), "country", "CN", "region", "CHINA"))
                .exchange().expectStatus().isCreated();

        client.get().uri("/api/v1/cities?region=CHINA&size=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("xian")
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(1);

        client.get().uri("/api/v1/cities?country=NL&size=1&page=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void citiesAreNamedByIdInTheOrderAskedUnknownOnesLeftOut() {
        create("zagreb");
        create("aachen");

        client.get().uri("/api/v1/cities?ids=zagreb,no-such-city,aachen,zagreb").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of("zagreb", "aachen"))
                .jsonPath("$.items[0].name.en").isEqualTo("City zagreb")
                .jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void moreThanAHundredIdsOrAMalformedIdIsABadRequest() {
        String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(i -> "city-" + i).toList());
        client.get().uri("/api/v1/cities?ids=" + tooMany).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field).contains("ids"));

        client.get().uri("/api/v1/cities?ids={ids}", "zagreb,{\"$gt\":\"\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.get().uri("/api/v1/cities?ids=zagreb&region=EU").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> update(long version, String englishName) {
        return Map.of("version", version, "name", Map.of("en", englishName), "country", "NL", "region", "EU");
    }

    @Test
    void anEditorTokenWithoutACityClaimEditsNoCity() {
        create("nowhere-town");
        client.mutateWith(Users.editorWithoutCity()).put().uri("/api/v1/cities/nowhere-town")
                .bodyValue(update(0, "Taken over")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void onlyCuratorsMoveACityToAnotherCountryOrRegion() {
        create("haarlem");
        Map<String, Object> moved = new java.util.HashMap<>(update(0, "Haarlem"));
        moved.put("country", "BE");
        client.mutateWith(Users.editorOf("haarlem")).put().uri("/api/v1/cities/haarlem").bodyValue(moved).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("curators"));
        client.mutateWith(Users.editorOf("haarlem")).put().uri("/api/v1/cities/haarlem").bodyValue(update(0, "Haarlem"))
                .exchange().expectStatus().isOk();
        moved.put("version", 1);
        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/haarlem").bodyValue(moved).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.country").isEqualTo("BE");
    }

    @Test
    void nullElementsAndEndlessNumbersAreInvalid() {
        for (String body : List.of(
                "{\"name\": {\"en\": \"Assen\"}, \"country\": \"NL\", \"region\": \"EU\", \"languages\": [null]}",
                "{\"name\": {\"en\": \"Assen\"}, \"country\": \"NL\", \"region\": \"EU\", \"contacts\": [null]}",
                "{\"name\": {\"en\": \"Assen\"}, \"country\": \"NL\", \"region\": \"EU\", \"kpis\": [{\"name\": {\"en\": \"x\"},"
                        + " \"value\": 1e400, \"unit\": \"%\", \"year\": 2013}]}",
                "{\"name\": {\"en\": \"Assen\"}, \"country\": \"NL\", \"region\": \"EU\", \"coordinates\": {\"latitude\": 53}}")) {
            client.mutateWith(Users.curator()).post().uri("/api/v1/cities").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.get().uri("/api/v1/cities/assen").exchange().expectStatus().isNotFound();
    }
}
