package org.citystep.casestudy.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class CaseStudyRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/case-studies/*/audit")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/case-studies", "/api/v1/case-studies/*/submit")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/case-studies/*")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/case-studies/*/review", "/api/v1/case-studies/*/best-practice",
                "/api/v1/case-studies/*/verify").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
    }
}
