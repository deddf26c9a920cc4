package org.citystep.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/** Turns Keycloak's {@code realm_access.roles} into authorities and names the user by username. */
final class KeycloakJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(authenticate(jwt));
    }

    static JwtAuthenticationToken authenticate(Jwt jwt) {
        String name = jwt.hasClaim(KeycloakClaims.USERNAME) ? jwt.getClaimAsString(KeycloakClaims.USERNAME)
                : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities(jwt), name);
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap(KeycloakClaims.REALM_ACCESS);
        if (realmAccess == null || !(realmAccess.get(KeycloakClaims.ROLES) instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(String::valueOf)
                .flatMap(value -> Role.fromClaim(value).stream())
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
