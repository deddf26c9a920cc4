package org.citystep.glossary.web;

import java.time.Instant;
import java.util.List;

import org.citystep.glossary.GlossaryCategory;
import org.citystep.glossary.GlossaryTerm;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "GlossaryEntry")
record GlossaryView(String id, long version, GlossaryCategory category, @Nullable String code, List<String> en,
        List<String> zh, Instant updatedAt, String updatedBy) {

    static GlossaryView of(GlossaryTerm term) {
        return new GlossaryView(term.id(), term.version() == null ? 0 : term.version(), term.category(), term.code(),
                term.en(), term.zh(), term.updatedAt(), term.updatedBy());
    }
}
