package org.citystep.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A feature's role rules for its own routes, declared next to its controllers. They are applied
 * before the general rules (public GETs, authenticated everything else).
 */
@FunctionalInterface
public interface RouteRules {

    void configure(AuthorizeExchangeSpec exchanges);

    /** Spring Security's role name (without the {@code ROLE_} prefix) for use in rules. */
    static String[] roles(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
