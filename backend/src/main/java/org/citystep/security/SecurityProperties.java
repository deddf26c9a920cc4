package org.citystep.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuerUri      the Keycloak realm that issues tokens; a token's {@code iss} must equal it
 * @param jwkSetUri      where the realm's signing keys are fetched
 * @param audience       the audience every access token must carry
 * @param discoveryUri   the realm's OpenID discovery document, checked by the health indicator
 * @param allowedOrigins browser origins allowed to call the API cross-origin (CORS); empty allows none
 * @param publicMetrics  whether {@code /actuator/prometheus} answers without a token
 * @param webClientId    the public OpenID client the web front end signs in with (code flow + PKCE)
 */
@ConfigurationProperties("citystep.security")
public record SecurityProperties(URI issuerUri, URI jwkSetUri, String audience, URI discoveryUri,
        List<String> allowedOrigins, boolean publicMetrics, String webClientId) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** The issuer's origin, which the front end talks to for sign-in. */
    public String issuerOrigin() {
        return issuerUri.getScheme() + "://" + issuerUri.getAuthority();
    }
}
