package org.citystep.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.glossary.GlossaryCategory;
import org.citystep.glossary.Glossary;
import org.citystep.glossary.TermMatch;
import org.jspecify.annotations.Nullable;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * A query expanded through the glossary at query time: each glossary term found in the words typed
 * also searches the other language's terms of its entry (as a phrase in titles, all their words in
 * texts) and its synonyms in the same language (in titles), and a term that names a reference code
 * also finds the documents tagged with it. Every
 * such clause is named, so a hit tells which term carried the search to it.
 * <p>
 * Expanding at query time, not at index time, means a change to the glossary counts from the next
 * search on, with no reindex of 100k case studies. Matches in the reader's own language rank
 * first: the words typed (all of one or two, three of four of more, no typo tolerance) lift a hit
 * above every hit that only the glossary found. That lift is a rescore of the best hits only, so it
 * costs nothing for the thousands of hits nobody pages to.
 */
final class CrossLingual {

    static final String TYPED = "typed";
    /** Above any relevance score a glossary-only hit reaches: a match of the words typed ranks first. */
    static final double OWN_LANGUAGE_BOOST = 1_000;
    private static final float OTHER_LANGUAGE_BOOST = 0.4f;
    private static final float SYNONYM_BOOST = 0.6f;
    private static final float CODE_BOOST = 0.3f;
    /** Bounds the clauses one query adds, whatever was typed. */
    private static final int MAX_TERMS_EXPANDED = 6;
    private static final int MAX_PHRASES_PER_LANGUAGE = 3;
    private static final Map<GlossaryCategory, String> CODE_FIELDS = Map.of(
            GlossaryCategory.SERVICE_DOMAIN, "serviceDomain",
            GlossaryCategory.TECHNOLOGY, "tech",
            GlossaryCategory.FINANCING, "instrument",
            GlossaryCategory.CHARACTERISTIC, "characteristic");

    private record Clause(String name, TermMatch match, List<String> phrases, String language, Query query) {
    }

    private final List<Clause> clauses;

    private CrossLingual(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static CrossLingual of(BoundedText text, @Nullable String onlyLanguage, Glossary glossary) {
        if (text.words().isBlank()) {
            return new CrossLingual(List.of());
        }
        List<Clause> clauses = new ArrayList<>();
        for (TermMatch match : glossary.find(text.words()).stream().limit(MAX_TERMS_EXPANDED).toList()) {
            for (String language : List.of(match.otherLanguage(), match.language())) {
                if (onlyLanguage != null && !onlyLanguage.equals(language)) {
                    continue;
                }
                List<String> phrases = match.term().terms(language).stream()
                        .filter(term -> !term.equalsIgnoreCase(match.matched()))
                        .limit(MAX_PHRASES_PER_LANGUAGE).toList();
                if (phrases.isEmpty()) {
                    continue;
                }
                String name = "glossary|" + match.term().id() + "|" + match.language() + "|" + language;
                float boost = language.equals(match.language()) ? SYNONYM_BOOST : OTHER_LANGUAGE_BOOST;
                boolean otherLanguage = !language.equals(match.language());
                clauses.add(new Clause(name, match, phrases, language,
                        phrasesIn(language, phrases, otherLanguage, name, boost)));
            }
            String field = CODE_FIELDS.get(match.term().category());
            if (field != null && match.term().code() != null) {
                String name = "code|" + match.term().id() + "|" + match.language();
                String code = match.term().code();
                clauses.add(new Clause(name, match, List.of(code), "", Query.of(q -> q.constantScore(c -> c
                        .filter(f -> f.term(t -> t.field(field).value(code))).boost(CODE_BOOST).queryName(name)))));
            }
        }
        return new CrossLingual(List.copyOf(clauses));
    }

    /** Whether the glossary widened the search: only then do own-language hits need lifting above the rest. */
    boolean widened() {
        return !clauses.isEmpty();
    }

    /** {@code typed}, widened by the glossary. */
    Query expanded(Query typed) {
        if (clauses.isEmpty()) {
            return typed;
        }
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.bool(b -> b.must(typed).queryName(TYPED))));
        clauses.forEach(clause -> should.add(clause.query()));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /**
     * What highlights show: the words typed, and the glossary's terms in the texts it carried the
     * search to, as plain words: phrase queries made highlighting the costliest part of a search.
     */
    Query highlighted(Query typed) {
        List<Query> should = new ArrayList<>(List.of(typed));
        clauses.stream().filter(clause -> !clause.language().isEmpty()).forEach(clause -> should.add(Query.of(q -> q
                .multiMatch(m -> m.query(String.join(" ", clause.phrases()))
                        .fields("title." + clause.language(), "text." + clause.language())))));
        return should.size() == 1 ? typed : Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /** The glossary terms that carried the search to a hit that the words typed did not find themselves. */
    List<SearchResults.Bridge> carrying(@Nullable List<String> matchedQueries) {
        if (matchedQueries == null || matchedQueries.isEmpty() || matchedQueries.contains(TYPED)) {
            return List.of();
        }
        Map<String, SearchResults.Bridge> bridges = new LinkedHashMap<>();
        for (Clause clause : clauses) {
            if (matchedQueries.contains(clause.name()) && !clause.language().isEmpty()) {
                TermMatch match = clause.match();
                bridges.putIfAbsent(match.term().id() + "|" + clause.language(), new SearchResults.Bridge(
                        match.term().id(), match.matched(), match.language(), clause.phrases(), clause.language()));
            }
        }
        return List.copyOf(bridges.values());
    }

    /**
     * Any of the terms, as a phrase in titles and ({@code inTexts}) with all its words anywhere in
     * the texts: a phrase query over 100k long texts cost more than the rest of the search, and
     * synonyms in the language typed search titles only, since the words typed search the texts.
     */
    private static Query phrasesIn(String language, List<String> phrases, boolean inTexts, String name, float boost) {
        List<Query> any = new ArrayList<>();
        for (String phrase : phrases) {
            any.add(Query.of(q -> q.matchPhrase(m -> m.field("title." + language).query(phrase).boost(3f))));
            if (inTexts) {
                any.add(Query.of(q -> q.match(m -> m.field("text." + language).query(phrase)
                        .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And))));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1").boost(boost).queryName(name)));
    }
}
