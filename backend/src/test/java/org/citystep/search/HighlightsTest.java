package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HighlightsTest {

    /** A Chinese text is indexed as words and as character pairs: both highlight the same passage. */
    @Test
    void aPassageHighlightedByTwoFieldsIsShownOnce() {
        Map<String, List<String>> shown = Highlights.distinct(Map.of(
                "text.zh.bigram", List.of("城市<em>停车</em>诱导"),
                "text.zh", List.of("城市<em>停车</em>诱导", "另一段<em>停车</em>"),
                "title.en", List.of("Smart <em>parking</em>")));
        assertThat(shown).containsOnlyKeys("text.zh", "title.en");
        assertThat(shown.get("text.zh")).containsExactly("城市<em>停车</em>诱导", "另一段<em>停车</em>");
    }
}
