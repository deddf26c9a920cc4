package org.citystep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.test.StepVerifier;

/** A Keycloak access token as the services see it. */
class CurrentUserTest {

    private static Jwt token(List<String> realmRoles, Map<String, Object> extraClaims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("42")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim("preferred_username", "editor.amsterdam")
                .claim("realm_access", Map.of("roles", realmRoles));
        extraClaims.forEach(builder::claim);
        return builder.build();
    }

    private static CurrentUser userOf(Jwt jwt) {
        return CurrentUser.from(KeycloakJwtAuthenticationConverter.authenticate(jwt));
    }

    @Test
    void realmRolesBecomeAuthoritiesAndUnknownRolesAreIgnored() {
        StepVerifier.create(new KeycloakJwtAuthenticationConverter()
                        .convert(token(List.of("city-editor", "offline_access", "default-roles-citystep"), Map.of())))
                .assertNext(auth -> {
                    assertThat(auth.getName()).isEqualTo("editor.amsterdam");
                    assertThat(auth.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CITY_EDITOR");
                })
                .verifyComplete();
    }

    @Test
    void cityEditorMayEditOnlyTheCityOfItsClaim() {
        CurrentUser editor = userOf(token(List.of("city-editor"), Map.of("cityId", "amsterdam")));

        assertThat(editor.cityId()).contains("amsterdam");
        assertThat(editor.mayEditCity("amsterdam")).isTrue();
        assertThat(editor.mayEditCity("chengdu")).isFalse();
    }

    @Test
    void cityClaimWithoutTheEditorRoleGrantsNothing() {
        CurrentUser expert = userOf(token(List.of("expert"), Map.of("cityId", "amsterdam", "expertId", "demo-expert")));

        assertThat(expert.expertId()).contains("demo-expert");
        assertThat(expert.mayEditCity("amsterdam")).isFalse();
    }

    @Test
    void curatorsAndAdminsMayEditEveryCity() {
        assertThat(userOf(token(List.of("curator"), Map.of())).mayEditCity("chengdu")).isTrue();
        assertThat(userOf(token(List.of("admin"), Map.of())).mayEditCity("chengdu")).isTrue();
    }

    @Test
    void anonymousCallerHoldsNoRoles() {
        assertThat(CurrentUser.from(null).isAnonymous()).isTrue();
        assertThat(CurrentUser.anonymous().mayEditCity("amsterdam")).isFalse();
    }
}
