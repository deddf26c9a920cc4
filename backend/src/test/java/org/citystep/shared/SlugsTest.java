package org.citystep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.citystep.shared.validation.Slugs;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void namesBecomeReadableUrlIds() {
        assertThat(Slugs.of("Amsterdam")).isEqualTo("amsterdam");
        assertThat(Slugs.of("Beijing (Haidian)")).isEqualTo("beijing-haidian");
        assertThat(Slugs.of("  São Paulo ")).isEqualTo("sao-paulo");
        assertThat(Slugs.of("Xi'an")).isEqualTo("xi-an");
    }

    @Test
    void namesWithoutLatinLettersGiveNoSlug() {
        assertThat(Slugs.of("成都")).isEmpty();
    }
}
