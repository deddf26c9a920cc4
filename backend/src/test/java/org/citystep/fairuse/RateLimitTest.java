package org.citystep.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.net.InetSocketAddress;

import org.citystep.security.CurrentUser;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Small limits (3 anonymous requests, 5 signed in, 2 exports an hour) so a test reaches them; each
 * test calls from its own address, as the proxy in front reports it.
 */
@WithoutElasticsearch
@TestPropertySource(properties = {
        "citystep.rate-limits.anonymous-requests=3", "citystep.rate-limits.anonymous-per=1h",
        "citystep.rate-limits.signed-in-requests=5", "citystep.rate-limits.signed-in-per=1h",
        "citystep.rate-limits.exports-requests=2", "citystep.rate-limits.exports-per=1h",
        "citystep.rate-limits.behind-proxy=true"})
class RateLimitTest {

    private static final String ANY_READ = "/api/v1/client-config";

    @Autowired
    WebTestClient web;

    private WebTestClient.ResponseSpec get(String path, String address) {
        return web.get().uri(path).header("X-Forwarded-For", address).exchange();
    }

    private void useUp(String path, String address, int requests) {
        for (int i = 0; i < requests; i++) {
            get(path, address).expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
    }

    @Test
    void everyApiAnswerCarriesTheRateLimitHeadersCountingDown() {
        get(ANY_READ, "203.0.113.1").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "2")
                .expectHeader().valueEquals("RateLimit-Policy", "3;w=3600")
                .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset)).isBetween(1L, 3600L));
        get(ANY_READ, "203.0.113.1").expectHeader().valueEquals("RateLimit-Remaining", "1");
        // answers that are not 200 carry them too
        get("/api/v1/no-such-thing", "203.0.113.1").expectStatus().isNotFound()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");
    }

    @Test
    void answersTheSecurityChainGivesItselfCarryTheHeadersAndCountAgainstTheAddress() {
        web.get().uri("/api/v1/me").header("X-Forwarded-For", "203.0.113.9").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        // a token that is not one: refused by the security chain, and counted all the same
        web.get().uri("/api/v1/me").header("X-Forwarded-For", "203.0.113.9").header("Authorization", "Bearer garbage")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("RateLimit-Remaining", "1");
        get(ANY_READ, "203.0.113.9").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "0");
        get(ANY_READ, "203.0.113.9").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aClientOverTheAnonymousLimitGets429ProblemWithRetryAfterInItsLanguage() {
        useUp(ANY_READ, "203.0.113.2", 3);

        get(ANY_READ, "203.0.113.2").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L))
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().exists("RateLimit-Reset")
                .expectHeader().valueEquals("RateLimit-Policy", "3;w=3600")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Request limit reached")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith("This client may send 3 requests every 3,600 seconds").contains("Try again in"));

        web.get().uri(ANY_READ).header("X-Forwarded-For", "203.0.113.2").header("Accept-Language", "zh-CN").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.title").isEqualTo("已达到请求上限")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("此客户端每").endsWith("秒后重试。"));
    }

    @Test
    void anotherAddressIsNotAffectedAndAddressesTheCallerAddsInFrontAreIgnored() {
        useUp(ANY_READ, "203.0.113.3", 3);

        get(ANY_READ, "203.0.113.4").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
        // the proxy appends the address it saw; what the caller wrote before it does not choose the bucket
        get(ANY_READ, "198.51.100.7, 203.0.113.3").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aSignedInUserHasABucketOfTheirOwnThatIsLarger() {
        useUp(ANY_READ, "203.0.113.5", 3);

        for (int i = 1; i <= 5; i++) {
            web.mutateWith(mockJwt().jwt(jwt -> jwt.subject("reader-at-203.0.113.5"))).get().uri(ANY_READ)
                    .header("X-Forwarded-For", "203.0.113.5").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(5 - i))
                    .expectHeader().valueEquals("RateLimit-Policy", "5;w=3600");
        }
        web.mutateWith(mockJwt().jwt(jwt -> jwt.subject("reader-at-203.0.113.5"))).get().uri(ANY_READ)
                .header("X-Forwarded-For", "203.0.113.5").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // another user behind the same address still has all of theirs
        web.mutateWith(mockJwt().jwt(jwt -> jwt.subject("colleague-at-203.0.113.5"))).get().uri(ANY_READ)
                .header("X-Forwarded-For", "203.0.113.5").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "4");
    }

    @Test
    void exportsAndTheCatalogueHaveTheirOwnStricterBucket() {
        useUp("/api/v1/exports/case-studies?format=csv", "203.0.113.6", 1);
        get("/api/v1/catalog", "203.0.113.6").expectStatus().value(status -> assertThat(status).isNotEqualTo(429))
                .expectHeader().valueEquals("RateLimit-Limit", "2")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Policy", "2;w=3600");

        get("/api/v1/exports/cities?format=jsonl", "203.0.113.6").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:rate-limited");
        // the rest of the API, and the list of datasets the Open data page shows, count apart
        get(ANY_READ, "203.0.113.6").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
        get("/api/v1/exports", "203.0.113.6").expectStatus().value(status -> assertThat(status).isNotEqualTo(429))
                .expectHeader().valueEquals("RateLimit-Limit", "3");
    }

    @Test
    void healthProbesAndTheFrontEndAreNotLimited() {
        for (int i = 0; i < 5; i++) {
            get("/actuator/health/liveness", "203.0.113.7").expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
    }

    @Test
    void withoutAProxyInFrontForwardedAddressesAreNotBelieved() {
        MockServerHttpRequest request = MockServerHttpRequest.get(ANY_READ)
                .remoteAddress(new InetSocketAddress("192.0.2.10", 40000))
                .header("X-Forwarded-For", "203.0.113.99").build();

        assertThat(Client.of(CurrentUser.anonymous(), request, false).key()).isEqualTo("ip:192.0.2.10");
        assertThat(Client.of(CurrentUser.anonymous(), request, true).key()).isEqualTo("ip:203.0.113.99");
    }
}
