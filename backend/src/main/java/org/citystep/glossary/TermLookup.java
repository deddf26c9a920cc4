package org.citystep.glossary;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the glossary's terms in a short text (a query, a title): English terms as whole words
 * (a final plural "s" allowed), Chinese terms anywhere, the longest first, each stretch of the
 * text claimed by one term. Level names and "other" are left out: "average" and 其他 occur in
 * every other text and would carry nothing across. Immutable; built once per glossary revision.
 */
final class TermLookup {

    private static final Set<GlossaryCategory> NOT_EXPANDED = Set.of(GlossaryCategory.LEVEL);
    private static final Set<String> NOT_EXPANDED_CODES = Set.of("OTHER");

    private record LookupEntry(String normalized, String written, String language, GlossaryTerm term) {
    }

    private final List<LookupEntry> longestFirst;

    TermLookup(List<GlossaryTerm> terms) {
        List<LookupEntry> entries = new ArrayList<>();
        for (GlossaryTerm term : terms) {
            if (NOT_EXPANDED.contains(term.category()) || (term.code() != null && NOT_EXPANDED_CODES.contains(term.code()))) {
                continue;
            }
            for (String language : List.of("en", "zh")) {
                for (String written : term.terms(language)) {
                    String normalized = normalize(written);
                    if (normalized.length() >= 2) {
                        entries.add(new LookupEntry(normalized, written, language, term));
                    }
                }
            }
        }
        entries.sort(Comparator.comparingInt((LookupEntry e) -> e.normalized().length()).reversed()
                .thenComparing(LookupEntry::normalized));
        this.longestFirst = List.copyOf(entries);
    }

    /** The glossary terms in {@code text}, in the order of the glossary's longest terms first; one per concept and language. */
    List<TermMatch> find(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return List.of();
        }
        String padded = " " + normalized + " ";
        BitSet claimed = new BitSet(padded.length());
        List<TermMatch> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (LookupEntry entry : longestFirst) {
            int at = locate(padded, entry, claimed);
            if (at < 0) {
                continue;
            }
            claimed.set(at, at + entry.normalized().length());
            if (seen.add(entry.term().id() + "|" + entry.language())) {
                found.add(new TermMatch(entry.term(), entry.written(), entry.language()));
            }
        }
        return found;
    }

    /** Where {@code entry} occurs in {@code padded} on a stretch no longer term claimed; -1 if nowhere. */
    private static int locate(String padded, LookupEntry entry, BitSet claimed) {
        String term = entry.normalized();
        boolean latin = !isHan(term.charAt(0));
        for (int from = 0; ; ) {
            int at = padded.indexOf(term, from);
            if (at < 0) {
                return -1;
            }
            int end = at + term.length();
            boolean free = claimed.get(at, end).isEmpty();
            boolean wholeWord = !latin || (padded.charAt(at - 1) == ' '
                    && (padded.charAt(end) == ' ' || (padded.charAt(end) == 's' && padded.charAt(end + 1) == ' ')));
            if (free && wholeWord) {
                return at;
            }
            from = at + 1;
        }
    }

    /** Lower case, letters, digits and Han characters only, single spaces between words. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(Character.toLowerCase(c));
            }
            else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
