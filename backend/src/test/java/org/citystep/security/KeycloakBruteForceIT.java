package org.citystep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's brute-force detection, against the real local Keycloak: a user of its own (so no demo
 * user is locked out for the other tests) signs in; four wrong passwords do not lock it, the fifth
 * does, and the right password is refused while it is locked. Keycloak says "invalid
 * credentials" either way (it does not tell an attacker about the lock): its attack-detection
 * admin endpoint shows the lock.
 */
class KeycloakBruteForceIT {

    private static final String KEYCLOAK = "http://localhost:" + Objects.requireNonNullElse(System.getenv("KEYCLOAK_PORT"), "8180");
    private static final String RIGHT = "a-long-right-password-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String username = "brute-force-" + UUID.randomUUID().toString().substring(0, 8);
    private String userId;

    @AfterEach
    void deleteUser() throws Exception {
        if (userId != null) {
            http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/citystep/users/" + userId))
                    .header("Authorization", "Bearer " + adminToken()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneIsRefusedWhileItIs() throws Exception {
        String admin = adminToken();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Brute", "lastName", "Force", "email", username + "@example.org",
                "credentials", List.of(Map.of("type", "password", "value", RIGHT, "temporary", false)));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/citystep/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        userId = location.substring(location.lastIndexOf('/') + 1);

        assertThat(signIn(RIGHT).statusCode()).as("the right password works at first").isEqualTo(200);
        // more than a second apart: two failures within one are locked at once (the quick-login check)
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(signIn("wrong-" + attempt).statusCode()).isIn(400, 401);
            Thread.sleep(1_200);
        }
        assertThat(lockStatus(admin).get("disabled").asBoolean()).as("four failures do not lock").isFalse();
        assertThat(signIn("wrong-5").statusCode()).isIn(400, 401);
        JsonNode status = lockStatus(admin);
        assertThat(status.get("disabled").asBoolean()).as("the fifth locks: " + status).isTrue();
        assertThat(status.get("numFailures").asInt()).isEqualTo(5);
        HttpResponse<String> locked = signIn(RIGHT);
        assertThat(locked.statusCode()).as("the right password, while locked: " + locked.body()).isIn(400, 401);
    }

    private JsonNode lockStatus(String admin) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/admin/realms/citystep/attack-detection/brute-force/users/" + userId))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> signIn(String password) throws Exception {
        String form = "grant_type=password&client_id=citystep-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/citystep/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The local dev server's master-realm admin (admin / admin, see infra/bin/keycloak). */
    private String adminToken() throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asString();
    }
}
