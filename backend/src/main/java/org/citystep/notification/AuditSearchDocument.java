package org.citystep.notification;

import java.time.Instant;

import org.citystep.audit.AuditRecord;
import org.jspecify.annotations.Nullable;

/**
 * What the audit read model holds of an entry: the fields the audit log filters and sorts on
 * (shaped by {@code notification/audit-mapping.json}); the entry itself is read from MongoDB by id.
 */
record AuditSearchDocument(String type, String id, Instant at, String action, String resourceType, String resourceId,
        @Nullable String cityId, String actorId, String actorName) {

    static final String INDEX = "audit";
    static final String TYPE = "audit-entry";
    /** Entries never change. */
    static final long VERSION = 1;

    static AuditSearchDocument of(AuditRecord entry) {
        return new AuditSearchDocument(TYPE, entry.id(), entry.at(), entry.action(), entry.resourceType(),
                entry.resourceId(), entry.cityId(), entry.actorId(), entry.actorName());
    }
}
