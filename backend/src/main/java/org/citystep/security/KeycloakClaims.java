package org.citystep.security;

/** Names of the claims the realm's protocol mappers put into access tokens. */
final class KeycloakClaims {

    static final String REALM_ACCESS = "realm_access";
    static final String ROLES = "roles";
    static final String USERNAME = "preferred_username";
    static final String CITY_ID = "cityId";
    static final String EXPERT_ID = "expertId";

    private KeycloakClaims() {
    }
}
