package org.citystep.cluster.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class ClusterRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/clusters", "/api/v1/clusters/suggestions/*/accept",
                        "/api/v1/clusters/*/close", "/api/v1/clusters/*/members")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/clusters/*", "/api/v1/clusters/*/invitations")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.DELETE, "/api/v1/clusters/*/members/*")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/clusters/*/approve").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
    }
}
