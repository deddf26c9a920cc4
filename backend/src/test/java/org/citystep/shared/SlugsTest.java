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
    void chineseNamesBecomePinyin() {
        assertThat(Slugs.of("南通")).isEqualTo("nan-tong");
        assertThat(Slugs.of("宁波 智慧停车诱导")).isEqualTo("ning-bo-zhi-hui-ting-che-you-dao");
        assertThat(Slugs.of("上海浦东 Smart Grid")).isEqualTo("shang-hai-pu-dong-smart-grid");
    }

    @Test
    void namesOfSymbolsOnlyGiveNoSlug() {
        assertThat(Slugs.of("—（）")).isEmpty();
    }
}
