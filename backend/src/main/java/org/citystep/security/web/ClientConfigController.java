package org.citystep.security.web;

import java.time.Duration;

import org.citystep.security.SecurityProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Where the web front end signs in. Read at start-up, so one build of the front end serves every
 * environment; only public facts (the issuer's address and the public client's id) are in it.
 */
@RestController
@RequestMapping("/api/v1/client-config")
@Tag(name = "Account", description = "The signed-in user")
class ClientConfigController {

    record ClientConfig(String issuer, String clientId) {
    }

    private final SecurityProperties properties;

    ClientConfigController(SecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "The OpenID issuer and public client the web front end signs in with")
    ResponseEntity<ClientConfig> clientConfig() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(new ClientConfig(properties.issuerUri().toString(), properties.webClientId()));
    }
}
