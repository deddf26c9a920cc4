package org.citystep.security.web;

import java.util.List;

import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Account", description = "The signed-in user")
class MeController {

    /** What the signed-in user is allowed to act as. */
    record Me(String username, List<String> roles, @Nullable String cityId, @Nullable String expertId) {
    }

    @GetMapping
    @Operation(summary = "The signed-in user's roles and the city or expert record they are bound to",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Me> me(CurrentUser user) {
        return Mono.just(new Me(user.username(), user.roles().stream().map(Role::claimValue).sorted().toList(),
                user.cityId().orElse(null), user.expertId().orElse(null)));
    }
}
