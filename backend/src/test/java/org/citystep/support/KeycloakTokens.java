package org.citystep.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the local Keycloak (realm {@code citystep}, public client
 * {@code citystep-cli}, password grant). Each user's token is reused until shortly before it
 * expires: a grant costs ~140 ms of password hashing. Keycloak's port follows {@code KEYCLOAK_PORT},
 * as the app's issuer does.
 */
public final class KeycloakTokens {

    public static final String PASSWORD = "citystep-demo";
    private static final String TOKEN_URL = "http://localhost:"
            + Objects.requireNonNullElse(System.getenv("KEYCLOAK_PORT"), "8180")
            + "/realms/citystep/protocol/openid-connect/token";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakTokens() {
    }

    public static String accessToken(String username) {
        return CACHE.compute(username, (user, cached) -> cached != null && !expiresSoon(cached) ? cached : fetch(user));
    }

    private static boolean expiresSoon(String token) {
        Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());
        return Instant.now().plus(RENEW_BEFORE_EXPIRY).isAfter(expiry);
    }

    /** The token's claims, decoded without verification (the API verifies; this is for assertions). */
    public static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static String fetch(String username) {
        String form = "grant_type=password&client_id=citystep-cli&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        }
        catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + TOKEN_URL
                    + " (start it: infra/bin/services start)", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
