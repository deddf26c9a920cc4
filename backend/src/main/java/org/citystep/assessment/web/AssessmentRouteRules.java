package org.citystep.assessment.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class AssessmentRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/cities/*/assessment/draft")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.EXPERT, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/cities/*/assessment/draft")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/cities/*/assessment/draft/submit")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/reviews").hasAnyRole(roles(Role.EXPERT, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/cities/*/assessment/draft/assign")
                .hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/cities/*/assessment/draft/claim").hasRole(Role.EXPERT.name());
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/cities/*/assessment/draft/validate",
                "/api/v1/cities/*/assessment/draft/return").hasAnyRole(roles(Role.EXPERT, Role.ADMIN));
    }
}
