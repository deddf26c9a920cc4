package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestInputsTest {

    @Test
    void englishTitlesCompleteFromEveryWord() {
        assertThat(SuggestInputs.of(List.of("Smart parking guidance")))
                .containsExactly("Smart parking guidance", "parking guidance", "guidance");
    }

    @Test
    void chineseTitlesCompleteFromEveryCharacter() {
        assertThat(SuggestInputs.of(List.of("智慧停车诱导")))
                .containsExactly("智慧停车诱导", "慧停车诱导", "停车诱导", "车诱导", "诱导");
    }

    @Test
    void punctuationStartsNothingAndEveryTitleIsBounded() {
        assertThat(SuggestInputs.of(List.of("成都（共享单车）"))).contains("共享单车）").noneMatch(input -> input.startsWith("（"));
        String longTitle = "数".repeat(200);
        assertThat(SuggestInputs.of(List.of(longTitle))).hasSize(1 + SuggestInputs.MAX_STARTS_PER_TITLE);
    }
}
