package org.citystep.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TermLookupTest {

    private static GlossaryTerm term(String id, GlossaryCategory category, List<String> en, List<String> zh) {
        return new GlossaryTerm(id, 0L, category, category == GlossaryCategory.VOCABULARY ? null : "BASIC", en, zh,
                Instant.EPOCH, "test");
    }

    private final TermLookup lookup = new TermLookup(List.of(
            term("parking", GlossaryCategory.VOCABULARY, List.of("parking", "car park"), List.of("停车", "停车场")),
            term("smart-parking", GlossaryCategory.VOCABULARY, List.of("smart parking"), List.of("智慧停车")),
            term("park", GlossaryCategory.VOCABULARY, List.of("park"), List.of("公园")),
            term("basic", GlossaryCategory.LEVEL, List.of("Basic"), List.of("初级"))));

    @Test
    void englishTermsMatchWholeWordsWithAPluralAndChineseTermsAnywhere() {
        assertThat(lookup.find("Parks and gardens")).extracting(m -> m.term().id()).containsExactly("park");
        assertThat(lookup.find("parking")).extracting(m -> m.term().id()).containsExactly("parking");
        assertThat(lookup.find("城区停车诱导")).extracting(TermMatch::matched).containsExactly("停车");
    }

    @Test
    void theLongestTermClaimsItsWords() {
        assertThat(lookup.find("smart parking apps")).extracting(m -> m.term().id()).containsExactly("smart-parking");
        assertThat(lookup.find("宁波智慧停车")).extracting(m -> m.term().id()).containsExactly("smart-parking");
        assertThat(lookup.find("smart parking and a car park")).extracting(m -> m.term().id())
                .containsExactly("smart-parking", "parking");
    }

    @Test
    void levelNamesCarryNothingAcross() {
        assertThat(lookup.find("basic parking")).extracting(m -> m.term().id()).containsExactly("parking");
    }
}
