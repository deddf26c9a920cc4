package org.citystep.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored audit entry. Entries are written once and never changed. The id is time-ordered
 * (an ObjectId's hex form), so entries sort by id in the order they were written.
 *
 * @param actorId   the actor's stable subject ({@code sub}); {@code system} for the app's own jobs
 * @param actorName the actor's user name at the time
 */
@Document("audit")
public record AuditRecord(@Id String id, Instant at, String actorId, String actorName, String action,
        String resourceType, String resourceId, @Nullable String cityId, @Nullable Long versionBefore,
        @Nullable Long versionAfter, Map<String, String> details, @Nullable String note) {
}
