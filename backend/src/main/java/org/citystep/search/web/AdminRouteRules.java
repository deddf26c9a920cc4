package org.citystep.search.web;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class AdminRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        // curators keep the search indexes too: they rebuild them from the administration page
        exchanges.pathMatchers("/api/v1/admin/reindex", "/api/v1/admin/reindex/**")
                .hasAnyRole(RouteRules.roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
    }
}
