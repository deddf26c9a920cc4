package org.citystep.notification.web;

import java.time.Instant;

import org.citystep.audit.AuditRecord;
import org.citystep.notification.AuditFilter;
import org.citystep.notification.AuditReadModel;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Administration", description = "Operating the search read model")
class AuditController {

    private static final String CODE = "[A-Za-z0-9._:-]{1,100}";

    private final AuditReadModel audit;

    AuditController(AuditReadModel audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The audit log of every write, newest first (curators and admins)",
            description = "Who did what to which record, when, with the record's version before and after and "
                    + "the actor's note. Filters combine; time range is [from, to). Reads the audit read model, "
                    + "which trails a write by about two seconds.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<AuditRecord>> list(
            @RequestParam(required = false) @Nullable @Pattern(regexp = CODE) String action,
            @RequestParam(required = false) @Nullable @Pattern(regexp = CODE) String resourceType,
            @RequestParam(required = false) @Nullable @Size(max = 200) @Pattern(regexp = "[^<>]*") String resourceId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = CODE) String cityId,
            @RequestParam(required = false) @Nullable @Size(max = 200) @Pattern(regexp = "[^<>]*") String actor,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        return audit.list(new AuditFilter(action, resourceType, resourceId, cityId, actor, from, to), page, user);
    }
}
