package org.citystep.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Health component {@code keycloak}: UP when the realm's discovery document answers and names
 * the configured issuer (so tokens can be validated). It is fetched over the back-channel address,
 * which in a container network differs from the issuer URL browsers use.
 */
@Component("keycloakHealthIndicator")
class KeycloakHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final WebClient client;
    private final String issuer;
    private final String discovery;

    KeycloakHealthIndicator(WebClient.Builder builder, SecurityProperties properties) {
        super("Keycloak health check failed");
        this.issuer = properties.issuerUri().toString();
        this.discovery = properties.discoveryUri().toString();
        this.client = builder.build();
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return client.get()
                .uri(discovery)
                .retrieve()
                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .timeout(TIMEOUT)
                .map(discovery -> issuer.equals(discovery.get("issuer"))
                        ? builder.up().withDetail("issuer", issuer).build()
                        : builder.down().withDetail("issuer", issuer)
                                .withDetail("announcedIssuer", String.valueOf(discovery.get("issuer"))).build())
                // an outage is a DOWN status, not an error worth a stack trace on every probe
                .onErrorResume(failure -> Mono.just(builder.down()
                        .withDetail("error", failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .build()));
    }
}
