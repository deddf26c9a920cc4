package org.citystep.glossary;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A counter every glossary write increments: app instances compare it to the one their copy of
 * the glossary was read at, and read the glossary again when it moved. {@code seeded} once the
 * glossary was seeded from its file.
 */
@Document("glossary_revision")
record GlossaryRevision(@Id String id, long value, @Nullable Boolean seeded) {

    static final String ID = "glossary";

    /** A write counted before the seed finished leaves {@code seeded} unset: not seeded yet. */
    boolean isSeeded() {
        return Boolean.TRUE.equals(seeded);
    }
}
