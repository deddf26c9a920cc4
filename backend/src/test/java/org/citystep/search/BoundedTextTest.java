package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever is typed, a search looks for a bounded set of words, and tolerates typos only in short queries. */
class BoundedTextTest {

    @Test
    void aRepeatedLongPhraseCostsWhatItsDistinctWordsCost() {
        String hostile = "smart city energy data transport ".repeat(7).trim();
        BoundedText bounded = BoundedText.of(hostile);
        assertThat(bounded.words()).isEqualTo("smart city energy data transport");
        assertThat(bounded.fuzzy()).isFalse();
    }

    @Test
    void atMostTenWordsOfBoundedLengthAreKept() {
        BoundedText bounded = BoundedText.of("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 " + "x".repeat(100));
        assertThat(bounded.words().split(" ")).hasSize(10).endsWith("a10");
        assertThat(BoundedText.of("y".repeat(100)).words()).hasSize(40);
    }

    @Test
    void shortQueriesToleratTyposAndEmptyOnesMatchEverything() {
        assertThat(BoundedText.of("  parkng  ")).isEqualTo(new BoundedText("parkng", true));
        assertThat(BoundedText.of("smart grid Amsterdam").fuzzy()).isTrue();
        assertThat(BoundedText.of("smart grid in Amsterdam").fuzzy()).isFalse();
        assertThat(BoundedText.of("智慧停车").fuzzy()).isTrue();
        assertThat(BoundedText.of("   ").words()).isEmpty();
    }
}
