package org.citystep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every response carries, and which browsers may call the API cross-origin. */
@WithoutElasticsearch
class SecurityBaselineTest {

    /** Absolute, as browsers send it: CORS compares the request's own origin with Origin. */
    private static final String API = "http://localhost:8080/api/v1/cities";

    @Autowired
    WebTestClient client;

    @Test
    void responsesCarryProtectiveHeadersAndNoSession() {
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'")
                        .contains("connect-src 'self' http://localhost:8180"))
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void configuredOriginMayCallTheApiCrossOrigin() {
        client.options().uri(API)
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    @Test
    void otherOriginsAreRefused() {
        client.options().uri(API)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        client.get().uri(API).header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void actuatorInternalsNeedTheAdminRole() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.mutateWith(Users.curator()).get().uri("/actuator/env").exchange().expectStatus().isForbidden();
    }
}
