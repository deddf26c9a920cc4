package org.citystep.glossary;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One concept of the glossary in both languages: the preferred term first, then its synonyms.
 *
 * @param code the reference code the concept names (a service domain, a technology…), or null
 */
@Document("glossary")
public record GlossaryTerm(@Id String id, @Version @Nullable Long version, GlossaryCategory category,
        @Nullable String code, List<String> en, List<String> zh, Instant updatedAt, String updatedBy) {

    @PersistenceCreator
    public GlossaryTerm {
        en = List.copyOf(en);
        zh = List.copyOf(zh);
    }

    /** The terms in {@code language} ({@code en} or {@code zh}). */
    public List<String> terms(String language) {
        return "zh".equals(language) ? zh : en;
    }

    GlossaryTerm changed(GlossaryCategory newCategory, @Nullable String newCode, List<String> newEn, List<String> newZh,
            Instant now, String by) {
        return new GlossaryTerm(id, version, newCategory, newCode, newEn, newZh, now, by);
    }
}
