package org.citystep.audit;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface AuditRecords extends ReactiveMongoRepository<AuditRecord, String> {
}
