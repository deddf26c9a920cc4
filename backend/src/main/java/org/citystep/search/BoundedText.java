package org.citystep.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a search looks for, with its cost bounded whatever was typed: each word once, at most
 * {@value #MAX_WORDS} words of at most {@value #MAX_WORD_LENGTH} characters, and typo tolerance
 * (fuzzy expansion, the costly part) only for short queries of a few words. A repeated
 * 200-character phrase costs what its distinct words cost.
 *
 * @param words the words to search for, separated by single spaces
 * @param fuzzy whether typos are tolerated
 */
record BoundedText(String words, boolean fuzzy) {

    static final int MAX_WORDS = 10;
    static final int MAX_WORD_LENGTH = 40;
    static final int MAX_FUZZY_WORDS = 3;
    static final int FUZZY_EXPANSIONS = 10;

    static BoundedText of(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty() || words.size() == MAX_WORDS) {
                continue;
            }
            String kept = word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word;
            if (seen.add(kept.toLowerCase(Locale.ROOT))) {
                words.add(kept);
            }
        }
        return new BoundedText(String.join(" ", words), !words.isEmpty() && words.size() <= MAX_FUZZY_WORDS);
    }
}
