package org.citystep.glossary;

/**
 * A glossary term found in a text.
 *
 * @param term     the concept, with its terms in both languages
 * @param matched  the words of the text that named it, as the glossary writes them
 * @param language the language of {@code matched}: {@code en} or {@code zh}
 */
public record TermMatch(GlossaryTerm term, String matched, String language) {

    /** The other language, where this match carries a search across. */
    public String otherLanguage() {
        return "zh".equals(language) ? "en" : "zh";
    }
}
