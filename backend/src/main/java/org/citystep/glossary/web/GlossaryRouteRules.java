package org.citystep.glossary.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class GlossaryRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/glossary").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/glossary/*").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.DELETE, "/api/v1/glossary/*").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
    }
}
