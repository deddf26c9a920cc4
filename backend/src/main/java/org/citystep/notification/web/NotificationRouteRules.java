package org.citystep.notification.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Before the admin rules ({@code /api/v1/admin/**} for admins): curators read the audit log too. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
                .hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers("/api/v1/me/notifications", "/api/v1/me/notifications/**",
                "/api/v1/me/notification-settings").authenticated();
    }
}
