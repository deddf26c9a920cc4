package org.citystep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/** Every failure a client can provoke answers problem+json with a stable type and no internals. */
@WithoutElasticsearch
class ApiErrorsTest {

    @Autowired
    WebTestClient client;

    @Test
    void unknownRouteIsNotFoundProblem() {
        client.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void anonymousWriteIsUnauthenticatedProblemWithBearerChallenge() {
        client.post().uri("/api/v1/cities").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:unauthenticated");
    }

    @Test
    void garbageTokenIsRejectedEvenOnPublicReads() {
        client.get().uri("/api/v1/cities").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void writeWithoutTheRoleIsForbiddenProblem() {
        client.mutateWith(Users.expert()).post().uri("/api/v1/cities")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:forbidden");
    }

    @Test
    void malformedJsonIsBadRequestWithoutParserDetails() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": {\"en\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:malformed-request")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void unsupportedMethodIsMethodNotAllowedProblemListingTheAllowedOnes() {
        client.mutateWith(Users.curator()).delete().uri("/api/v1/cities").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET").contains("POST"))
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:method-not-allowed");
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"name\": {\"en\": \"" + "x".repeat(300_000) + "\"}}";
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:payload-too-large");
    }

    @Test
    void oversizedBodyWithoutDeclaredLengthIsCutOffByTheCodecLimit() {
        Flux<String> chunks = Flux.range(0, 40).map(i -> i == 0 ? "{\"name\": {\"en\": \"" : "x".repeat(10_000));
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromPublisher(chunks, String.class))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:payload-too-large");
    }

    @Test
    void searchPagingStopsAtTheResultWindowWithAClearMessage() {
        client.get().uri("/api/v1/search?q=parking&page=100&size=100").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("10,000"));
    }

    @Test
    void searchWhileElasticsearchIsDownIsServiceUnavailableProblem() {
        client.get().uri("/api/v1/search?q=parking").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("Exception"));
    }

    @Test
    void healthReportsTheOutageWhileTheAppKeepsServing() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("DOWN")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/cities").exchange().expectStatus().isOk();
    }

    @Test
    void outOfRangePagingIsValidationProblemNamingTheParameter() {
        client.get().uri("/api/v1/cities?size=1000").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void nonNumericPageIsValidationProblem() {
        client.get().uri("/api/v1/search?page=abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("has the wrong type");
    }

    @Test
    void wrongQueryParameterTypeIsBadRequest() {
        client.get().uri("/api/v1/cities?region=MARS").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Whatever a browser sends as Accept-Language, a parameter that fails validation answers 400. */
    @Test
    void everyAcceptLanguageGetsAValidationProblemNeverAServerError() {
        for (String language : new String[] {"zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "zh-TW", "de-DE", "fr", "xx-YY",
                "*", ";;;q=x", "en-US,en;q=0.5"}) {
            for (String uri : new String[] {"/api/v1/cities?size=100000", "/api/v1/experts?page=-1"}) {
                client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed")
                        .jsonPath("$.errors[0].field").exists();
            }
        }
        // Chinese readers get the constraint's own message in Chinese, everyone else in English
        client.get().uri("/api/v1/experts?page=-1").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange()
                .expectBody().jsonPath("$.errors[0].message").value(message ->
                        assertThat((String) message).containsPattern("\\p{IsHan}"));
        client.get().uri("/api/v1/experts?page=-1").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE").exchange()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 0");
    }

    @Test
    void aBodyThatFailsValidationIsAProblemInAnyLanguage() {
        for (String language : new String[] {"zh-CN", "de-DE", ";;;"}) {
            client.mutateWith(Users.curator()).post().uri("/api/v1/cities").header(HttpHeaders.ACCEPT_LANGUAGE, language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"id\": \"Not A Slug\", \"name\": {\"en\": \"X\"}, \"country\": \"nl\", \"region\": \"EU\"}")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed");
        }
    }

    /** 3,000 "a-" pairs overflowed the stack of the slug pattern, and the connection dropped with no answer. */
    @Test
    void aVeryLongIdInABodyIsAValidationProblem() {
        String longId = "a-".repeat(3_000) + "a";
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("id", longId, "cityId", longId)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("id", longId)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).put().uri("/api/v1/experts/zhang-wei").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("id", longId, "version", 0)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/energy-transition/members")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("cityId", longId)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Title, detail and field messages of a problem come in the reader's language; any other reader gets English. */
    @Test
    void problemDetailsAreInTheReadersLanguage() {
        client.get().uri("/api/v1/cities/no-such-city").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:not-found")
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.detail").isEqualTo("没有 id 为“no-such-city”的城市。");
        client.get().uri("/api/v1/cities/no-such-city").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isEqualTo("No city with id 'no-such-city'.");
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"x-1\", \"name\": {\"en\": \"X\"}, \"country\": \"NL\", \"region\": \"EU\", \"colour\": 1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("未知字段“colour”。")
                .jsonPath("$.errors[0].field").isEqualTo("colour")
                .jsonPath("$.errors[0].message").isEqualTo("不是已知字段");
    }

    /** The route-level answers (no token, wrong role) speak the reader's language too. */
    @Test
    void securityProblemsAreInTheReadersLanguage() {
        client.post().uri("/api/v1/cities").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("需要登录");
        client.mutateWith(Users.editorOf("amsterdam")).post().uri("/api/v1/cities").header(HttpHeaders.ACCEPT_LANGUAGE, "zh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"x-1\", \"name\": {\"zh\": \"某市\"}, \"country\": \"CN\", \"region\": \"CHINA\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).containsPattern("\\p{IsHan}"));
    }
}
