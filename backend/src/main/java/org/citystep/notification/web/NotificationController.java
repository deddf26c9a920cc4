package org.citystep.notification.web;

import java.security.Principal;
import java.util.Locale;

import org.citystep.notification.NotificationPage;
import org.citystep.notification.NotificationService;
import org.citystep.notification.NotificationSettings;
import org.citystep.notification.NotificationStreams;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Account", description = "The signed-in user")
class NotificationController {

    private final NotificationService notifications;
    private final NotificationStreams streams;

    NotificationController(NotificationService notifications, NotificationStreams streams) {
        this.notifications = notifications;
        this.streams = streams;
    }

    @Schema(name = "NotificationSettingsInput", example = "{\"email\": true, \"language\": \"zh-CN\"}")
    record SettingsInput(@NotNull Boolean email, @NotNull @Pattern(regexp = "en|zh-CN") String language) {
    }

    @GetMapping("/notifications")
    @Operation(summary = "The signed-in user's notifications, newest first, in their language",
            description = "Those of the curators (curators and admins), of the user's city (its editors), of their "
                    + "expert record (experts) and their own; read and unread, or unread only. Each links to the "
                    + "page to act on.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<NotificationPage> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
            @Valid @ParameterObject PageParams page, CurrentUser user, Locale locale) {
        return notifications.list(user, unreadOnly, page, locale);
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Marks one notification read", security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<Void>> read(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        return notifications.markRead(user, id).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "Marks every notification read", security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<Void>> readAll(CurrentUser user) {
        return notifications.markAllRead(user).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live unread count (Server-Sent Events)",
            description = "Sends event 'unread' with {\"unread\": n} at once and whenever it changes, and a comment "
                    + "as heartbeat. At most a few streams per user (429 beyond) and a bounded number per instance "
                    + "(503 beyond).",
            security = @SecurityRequirement(name = "bearer"))
    Flux<ServerSentEvent<NotificationStreams.Unread>> stream(CurrentUser user) {
        return streams.stream(user);
    }

    @GetMapping("/notification-settings")
    @Operation(summary = "The signed-in user's notification settings", security = @SecurityRequirement(name = "bearer"))
    Mono<NotificationSettings> settings(CurrentUser user) {
        return notifications.settings(user);
    }

    @PutMapping("/notification-settings")
    @Operation(summary = "Opts in or out of e-mail notifications, in a language",
            description = "E-mails go to the address in the user's token; 400 when it has none.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<NotificationSettings> updateSettings(@Valid @RequestBody SettingsInput input, CurrentUser user,
            Principal principal) {
        return notifications.updateSettings(user, input.email(), input.language(), email(principal));
    }

    private static @Nullable String email(Principal principal) {
        return principal instanceof JwtAuthenticationToken token ? token.getToken().getClaimAsString("email") : null;
    }
}
