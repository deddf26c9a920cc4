package org.citystep.notification;

import org.citystep.audit.AuditLog;
import org.citystep.search.SearchDocuments;
import org.citystep.search.SearchIndex;
import org.citystep.search.SearchIndexer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit read model: an index only the audit log's list queries (never the general search).
 * The fan-out worker indexes each new entry through the search outbox, so the shared catch-up and
 * rebuilds keep it complete.
 */
@Configuration(proxyBeanMethods = false)
class AuditSearchIndex {

    private static final int BATCH = 500;

    @Bean
    static SearchIndex auditIndex() {
        return SearchIndex.readModelOnly(AuditSearchDocument.INDEX, AuditSearchDocument.TYPE,
                "notification/audit-mapping.json");
    }

    @Bean
    SearchDocuments auditDocuments(AuditLog audit) {
        return SearchDocuments.of(AuditSearchDocument.INDEX,
                SearchDocuments.Source.of(audit::count, () -> audit.all(BATCH), since -> audit.writtenSince(since, BATCH),
                        audit::byIds),
                entries -> entries.map(entry -> new SearchIndexer.Indexable(entry.id(), AuditSearchDocument.VERSION,
                        AuditSearchDocument.of(entry))));
    }
}
