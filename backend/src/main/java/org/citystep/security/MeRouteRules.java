package org.citystep.security;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

@Component
class MeRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/me").authenticated();
    }
}
