package org.citystep.shared.openapi;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "CityStep API", version = "v1",
        description = "City-to-city knowledge exchange on the EU-China smart city maturity staircase. "
                + "Errors are RFC 9457 problem+json with a stable `type` (urn:citystep:problem:…); lists are paged "
                + "as {items, page, size, total}; writes carry the version read and answer 409 when it is stale.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"), contact = @Contact(name = "CityStep")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from the Keycloak realm 'citystep' (audience citystep-api)")
class OpenApiConfiguration {
}
