package org.citystep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** Beyond its signature, a token must come from our realm, be meant for this API, and be current. */
class TokenValidationTest {

    private static final String ISSUER = "http://localhost:8180/realms/citystep";
    private final OAuth2TokenValidator<Jwt> validator = SecurityConfiguration.tokenValidator(new SecurityProperties(
            URI.create(ISSUER), URI.create(ISSUER + "/protocol/openid-connect/certs"), "citystep-api",
            URI.create(ISSUER + "/.well-known/openid-configuration"), List.of(), false, "citystep-web"));

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("42")
                .issuer(ISSUER).audience(List.of("citystep-api", "account"))
                .issuedAt(Instant.now().minusSeconds(10)).expiresAt(Instant.now().plusSeconds(290));
    }

    @Test
    void acceptsACurrentTokenOfTheRealmForThisApi() {
        assertThat(validator.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThat(validator.validate(token().audience(List.of("account")).build()).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenOfAnotherRealm() {
        assertThat(validator.validate(token().issuer("http://localhost:8180/realms/master").build()).hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnExpiredToken() {
        Jwt expired = token().issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(600))
                .build();
        assertThat(validator.validate(expired).hasErrors()).isTrue();
    }
}
