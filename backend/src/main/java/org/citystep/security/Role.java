package org.citystep.security;

import java.util.Arrays;
import java.util.Optional;

/** The Keycloak realm roles CityStep knows; other realm roles in a token are ignored. */
public enum Role {

    CITY_EDITOR("city-editor"),
    EXPERT("expert"),
    CURATOR("curator"),
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The role's name in Keycloak and in {@code realm_access.roles}. */
    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority, e.g. {@code ROLE_CITY_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
