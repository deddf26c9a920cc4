package org.citystep.glossary;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface GlossaryTerms extends ReactiveMongoRepository<GlossaryTerm, String> {
}
