package org.citystep.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a service tells the audit log about one write it made.
 *
 * @param action        a stable code {@code <resourceType>.<verb>}, e.g. {@code caseStudy.submitted}
 * @param resourceType  the kind of record written, e.g. {@code caseStudy}, {@code city}
 * @param resourceId    the record's id
 * @param cityId        the city the record belongs to, when it belongs to one
 * @param versionBefore the record's version before the write; {@code null} when it was created
 * @param versionAfter  the record's version after the write; {@code null} when it was deleted
 * @param details       a few facts the readers of the entry need (e.g. {@code expertId}, {@code cityIds}
 *                      as a comma-separated list), never personal data beyond the actor
 * @param note          a free-text note the actor gave (a review note, a reason)
 */
public record AuditEvent(String action, String resourceType, String resourceId, @Nullable String cityId,
        @Nullable Long versionBefore, @Nullable Long versionAfter, Map<String, String> details,
        @Nullable String note) {

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public static AuditEvent of(String action, String resourceType, String resourceId, @Nullable String cityId,
            @Nullable Long versionBefore, @Nullable Long versionAfter) {
        return new AuditEvent(action, resourceType, resourceId, cityId, versionBefore, versionAfter, Map.of(), null);
    }

    public AuditEvent withDetails(Map<String, String> more) {
        var merged = new java.util.HashMap<>(details);
        merged.putAll(more);
        return new AuditEvent(action, resourceType, resourceId, cityId, versionBefore, versionAfter, merged, note);
    }

    public AuditEvent withNote(@Nullable String text) {
        return new AuditEvent(action, resourceType, resourceId, cityId, versionBefore, versionAfter, details, text);
    }
}
