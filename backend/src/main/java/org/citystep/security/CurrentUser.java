package org.citystep.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as services see it. Controllers receive it as a method argument; anonymous callers get
 * {@link #anonymous()}.
 *
 * @param subject  the token's {@code sub}, stable across renames; empty when anonymous
 * @param username the token's {@code preferred_username}
 * @param roles    the CityStep realm roles held
 * @param cityId   the city a {@link Role#CITY_EDITOR} is bound to ({@code cityId} claim)
 * @param expertId the expert record an {@link Role#EXPERT} is linked to ({@code expertId} claim)
 */
public record CurrentUser(String subject, String username, Set<Role> roles, Optional<String> cityId,
        Optional<String> expertId) {

    private static final CurrentUser ANONYMOUS = new CurrentUser("", "anonymous", Set.of(), Optional.empty(),
            Optional.empty());

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser anonymous() {
        return ANONYMOUS;
    }

    public static CurrentUser from(@Nullable Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (token.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
                roles.add(role);
            }
        }
        var jwt = token.getToken();
        String username = jwt.hasClaim(KeycloakClaims.USERNAME) ? jwt.getClaimAsString(KeycloakClaims.USERNAME)
                : token.getName();
        return new CurrentUser(jwt.getSubject() == null ? "" : jwt.getSubject(), username, roles,
                Optional.ofNullable(jwt.getClaimAsString(KeycloakClaims.CITY_ID)).filter(s -> !s.isBlank()),
                Optional.ofNullable(jwt.getClaimAsString(KeycloakClaims.EXPERT_ID)).filter(s -> !s.isBlank()));
    }

    public boolean isAnonymous() {
        return subject.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Curators and admins act on every city; a city editor only on the city of its claim. */
    public boolean mayEditCity(String id) {
        return has(Role.ADMIN) || has(Role.CURATOR) || (has(Role.CITY_EDITOR) && cityId.filter(id::equals).isPresent());
    }
}
