package org.citystep.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the audit log is filtered by; every part optional. {@code actor} is the user name or subject. */
public record AuditFilter(@Nullable String action, @Nullable String resourceType, @Nullable String resourceId,
        @Nullable String cityId, @Nullable String actor, @Nullable Instant from, @Nullable Instant to) {
}
