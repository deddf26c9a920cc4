package org.citystep.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.glossary.Glossary;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Full-text search over the read model's aliases. */
@Service
public class SearchService {

    /** The case studies' steps, one keyword per step ({@code FUNDING:BASIC:AVERAGE}); its facet is {@value #STEP_FACET}. */
    public static final String STEP_FIELD = "steps";
    /** Steps as a facet, keyed {@code FUNDING:BASIC} like the {@code step} filter. */
    static final String STEP_FACET = "step";
    private static final List<String> FACETS = List.of("serviceDomain", STEP_FIELD, "region", "country", "stage", "tech",
            "instrument", "language");
    /** Elasticsearch's default index.max_result_window: hits beyond it cannot be paged to. */
    static final int MAX_RESULT_WINDOW = 10_000;
    /** Past it, Elasticsearch answers with the hits found so far: one search never holds the cluster. */
    private static final String SEARCH_TIMEOUT = "2s";
    private static final int HIGHLIGHT_MAX_OFFSET = 20_000;
    /** Hits lifted above the glossary-only ones at least (more when the page asked for lies further down). */
    private static final int RESCORE_WINDOW = 100;

    private final ElasticsearchAsyncClient client;
    private final SearchIndexes indexes;
    private final JsonMapper json;
    private final Glossary glossary;

    SearchService(ElasticsearchAsyncClient client, SearchIndexes indexes, JsonMapper json, Glossary glossary) {
        this.client = client;
        this.indexes = indexes;
        this.json = json;
        this.glossary = glossary;
    }

    public Mono<SearchResults> search(SearchQuery query) {
        return validated(query).then(Mono.defer(() -> {
            CrossLingual bridges = CrossLingual.of(BoundedText.of(query.text()), query.language(), glossary);
            return search(request(query, bridges), query, bridges);
        }));
    }

    private Mono<SearchResults> search(SearchRequest request, SearchQuery query, CrossLingual bridges) {
        return Mono.fromFuture(() -> client.search(request, IndexedDocument.class))
                .onErrorMap(ElasticsearchFailures::translate)
                // continue on Reactor's threads, not the HTTP client's I/O threads
                .publishOn(Schedulers.parallel())
                .map(response -> toResults(response, query, bridges));
    }

    /** Fails with a 400 problem for unknown document types and pages beyond the result window. */
    private Mono<Void> validated(SearchQuery query) {
        if ((long) (query.page() + 1) * query.size() > MAX_RESULT_WINDOW) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "search.resultWindow", MAX_RESULT_WINDOW));
        }
        return knownTypes(query.documentTypes());
    }

    /** Fails with a 400 problem naming the known types when some of {@code documentTypes} are unknown. */
    private Mono<Void> knownTypes(List<String> documentTypes) {
        List<String> unknown = documentTypes.stream().filter(t -> !indexes.documentTypes().contains(t)).toList();
        return unknown.isEmpty() ? Mono.empty() : Mono.error(new ApiException(ProblemType.VALIDATION_FAILED,
                "search.unknownType", String.join(", ", unknown), String.join(", ", indexes.documentTypes().stream().sorted().toList())));
    }

    /**
     * The request {@link #search} sends Elasticsearch for {@code query}, as method, path and JSON
     * body, so a benchmark can send Elasticsearch exactly the same search.
     */
    public Mono<ElasticsearchRequest> requestFor(SearchQuery query) {
        return validated(query).then(Mono.fromCallable(() -> {
            SearchRequest request = request(query, CrossLingual.of(BoundedText.of(query.text()), query.language(), glossary));
            String path = "/" + String.join(",", request.index()) + "/_search?ignore_unavailable=true&allow_no_indices=true";
            return new ElasticsearchRequest("POST", path, json.readTree(JsonpUtils.toJsonString(request, client._jsonpMapper())));
        }));
    }

    /** A request to Elasticsearch: what {@code curl -X method host+path -d body} would send. */
    public record ElasticsearchRequest(String method, String path,
            @io.swagger.v3.oas.annotations.media.Schema(type = "object", description = "The search request body as JSON")
            JsonNode body) {
    }

    private SearchRequest request(SearchQuery query, CrossLingual bridges) {
        List<String> aliases = indexes.aliasesFor(query.documentTypes());
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        FACETS.forEach(field -> aggregations.put(field, Aggregation.of(a -> a.terms(t -> t.field(field).size(50)))));
        aggregations.put("year", Aggregation.of(a -> a.terms(t -> t.field("year").size(50))));
        return SearchRequest.of(s -> s
                .index(aliases)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(toQuery(query, bridges))
                .rescore(ownLanguageFirst(query, bridges))
                .from(query.page() * query.size())
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes("type", "title", "status")))
                .timeout(SEARCH_TIMEOUT)
                // unified highlighter over the offsets stored in the index: no re-analysis of long texts
                .highlight(h -> {
                    h.type(co.elastic.clients.elasticsearch.core.search.HighlighterType.Unified)
                            .numberOfFragments(2).fragmentSize(160).maxAnalyzedOffset(HIGHLIGHT_MAX_OFFSET)
                            .fields("title.*", f -> f).fields("text.*", f -> f);
                    // highlighting every fuzzy expansion over long texts cost 5 times the rest of the
                    // search at 100k case studies; fuzziness widens the hits, highlights show the words
                    // typed and the glossary's terms that carried the search across
                    BoundedText text = BoundedText.of(query.text());
                    if (!text.words().isBlank()) {
                        h.highlightQuery(bridges.highlighted(wordsQuery(text, query.language(), false)));
                    }
                    return h;
                })
                .aggregations(aggregations));
    }

    /**
     * When the glossary widened the search, the best hits that match the words typed in their own
     * language go above those only the glossary found: a rescore of the page's window and a little
     * more, not a second query over every hit.
     */
    private static List<co.elastic.clients.elasticsearch.core.search.Rescore> ownLanguageFirst(SearchQuery query,
            CrossLingual bridges) {
        BoundedText text = BoundedText.of(query.text());
        if (!bridges.widened() || text.words().isBlank()) {
            return List.of();
        }
        Query exact = exactWordsQuery(text, query.language());
        int window = Math.max(RESCORE_WINDOW, (query.page() + 1) * query.size());
        return List.of(co.elastic.clients.elasticsearch.core.search.Rescore.of(r -> r.windowSize(window)
                .query(q -> q.query(Query.of(c -> c.constantScore(cs -> cs.filter(exact))))
                        .queryWeight(1.0).rescoreQueryWeight(CrossLingual.OWN_LANGUAGE_BOOST))));
    }

    /** Completions of what a user has typed, over every index; published content only. */
    public Mono<List<Suggestion>> suggest(String prefix, int size) {
        return suggest(prefix, List.of(), size);
    }

    /**
     * Completions of what a user has typed, over the indexes of {@code documentTypes} (all when
     * empty): each document once, as its whole title in the language of the input it was completed
     * from (inputs start at later words and characters too, see {@link SuggestInputs}).
     */
    public Mono<List<Suggestion>> suggest(String prefix, List<String> documentTypes, int size) {
        return knownTypes(documentTypes).then(Mono.fromFuture(() -> client.search(s -> s
                        .index(indexes.aliasesFor(documentTypes))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .source(src -> src.filter(f -> f.includes("type", "title")))
                        .suggest(sg -> sg.suggesters("titles", fs -> fs.prefix(prefix)
                                .completion(c -> c.field("suggest").size(size * 3).skipDuplicates(true)))),
                        IndexedDocument.class))
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    Map<String, Suggestion> byDocument = new LinkedHashMap<>();
                    response.suggest().getOrDefault("titles", List.of()).stream()
                            .flatMap(entry -> entry.completion().options().stream())
                            .forEach(option -> byDocument.putIfAbsent(option.id(), new Suggestion(
                                    wholeTitle(option.text(), option.source()),
                                    option.source() == null ? "" : option.source().type(), option.id())));
                    return byDocument.values().stream().limit(size).toList();
                }));
    }

    /** The title an input was cut from (inputs are whole titles or their ends). */
    private static String wholeTitle(String input, @org.jspecify.annotations.Nullable IndexedDocument source) {
        if (source == null || source.title() == null) {
            return input;
        }
        return source.title().values().stream().filter(title -> title.strip().endsWith(input)).findFirst().orElse(input);
    }

    /**
     * The public documents of {@code indexName} (as its feature declared them) most like the given
     * texts (more-like-this over titles and texts in every language), without {@code excludeId}.
     * The texts are joined by the glossary's terms for the concepts they name, in the other
     * language, so a study written only in Chinese finds its English peers and the other way round.
     */
    public Mono<List<SearchResults.Hit>> similar(String indexName, String excludeId, List<String> likeTexts, int size) {
        String alias = indexes.alias(indexName);
        List<String> like = withTranslations(likeTexts);
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(alias)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(size)
                        .source(src -> src.filter(f -> f.includes("type", "title")))
                        .query(q -> q.bool(b -> b
                                .must(moreLikeThis(like.stream()
                                        .map(text -> co.elastic.clients.elasticsearch._types.query_dsl.Like.of(l -> l.text(text)))
                                        .toList(), 40, SIMILAR_MINIMUM_TERMS))
                                .filter(publicIn(indexName))
                                .mustNot(n -> n.ids(i -> i.values(excludeId))))),
                        IndexedDocument.class))
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> response.hits().hits().stream().map(SearchService::toHit).toList());
    }

    /** {@code texts}, and the other language's preferred terms of every glossary concept they name. */
    private List<String> withTranslations(List<String> texts) {
        java.util.Set<String> translations = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            for (var match : glossary.find(text)) {
                translations.add(match.term().terms(match.otherLanguage()).get(0));
            }
        }
        if (translations.isEmpty()) {
            return texts;
        }
        List<String> like = new java.util.ArrayList<>(texts);
        like.add(String.join(" ", translations));
        return like;
    }

    /**
     * For each group (for example each city) among {@code groups}, its public document most like
     * the given texts, with the more-like-this score: one query, grouped by {@code groupField}.
     */
    public Mono<Map<String, GroupMatch>> mostSimilarPerGroup(String indexName, String groupField,
            java.util.Collection<String> groups, List<String> likeTexts) {
        return mostSimilarPerGroupLike(indexName, groupField, groups, likeTexts.stream()
                .map(text -> co.elastic.clients.elasticsearch._types.query_dsl.Like.of(l -> l.text(text))).toList());
    }

    /**
     * As {@link #mostSimilarPerGroup(String, String, java.util.Collection, List)}, like the indexed
     * documents {@code likeIds} of the same index: Elasticsearch reads their terms itself, so their
     * texts never travel.
     */
    public Mono<Map<String, GroupMatch>> mostSimilarPerGroupToDocuments(String indexName, String groupField,
            java.util.Collection<String> groups, List<String> likeIds) {
        return mostSimilarPerGroupLike(indexName, groupField, groups, likeIds.stream()
                .map(id -> co.elastic.clients.elasticsearch._types.query_dsl.Like.of(l -> l.document(d -> d.id(id))))
                .toList());
    }

    private Mono<Map<String, GroupMatch>> mostSimilarPerGroupLike(String indexName, String groupField,
            java.util.Collection<String> groups,
            List<co.elastic.clients.elasticsearch._types.query_dsl.Like> like) {
        if (groups.isEmpty() || like.isEmpty()) {
            return Mono.just(Map.of());
        }
        String alias = indexes.alias(indexName);
        List<co.elastic.clients.elasticsearch._types.FieldValue> groupValues = groups.stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(alias)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(0)
                        .query(q -> q.bool(b -> b
                                .must(moreLikeThis(like, 60, PEER_MINIMUM_TERMS))
                                .filter(publicIn(indexName))
                                .filter(f -> f.terms(t -> t.field(groupField).terms(v -> v.value(groupValues))))))
                        .aggregations("groups", a -> a
                                .terms(t -> t.field(groupField).size(groups.size()))
                                .aggregations("best", best -> best.topHits(top -> top.size(1)
                                        .source(src -> src.filter(f -> f.includes("title")))))),
                        IndexedDocument.class))
                .onErrorMap(ElasticsearchFailures::translate)
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    Map<String, GroupMatch> best = new LinkedHashMap<>();
                    var aggregate = response.aggregations().get("groups");
                    if (aggregate == null || !aggregate.isSterms()) {
                        return best;
                    }
                    for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                        var hits = bucket.aggregations().get("best").topHits().hits().hits();
                        if (hits.isEmpty()) {
                            continue;
                        }
                        var top = hits.get(0);
                        TitleOnly source = top.source() == null ? null
                                : top.source().to(TitleOnly.class, client._jsonpMapper());
                        best.put(bucket.key().stringValue(), new GroupMatch(top.id(),
                                source == null || source.title() == null ? Map.of() : source.title(),
                                top.score() == null ? 0 : top.score()));
                    }
                    return best;
                });
    }

    /**
     * A few of the chosen terms make a similar case study (the score ranks them): the default 30 %
     * of 40 terms drawn from two languages' texts left 13 of 16 studies with a Chinese title without
     * any.
     */
    private static final String SIMILAR_MINIMUM_TERMS = "3";

    /**
     * A peer's project is alike when it shares 6 of the 60 terms chosen from a city's own case
     * studies. At 30 % (18 terms) only 3 of the 30 pilot cities' pairs were ever alike, and which
     * ones depended on how often the documents had been rewritten (deleted copies count in the
     * terms' document frequencies, which pick the terms); the candidates' filter keeps the
     * query small whatever the number of cities.
     */
    private static final String PEER_MINIMUM_TERMS = "10%";

    /** More-like-this over titles and texts in every language, counting even words that occur once. */
    private static Query moreLikeThis(List<co.elastic.clients.elasticsearch._types.query_dsl.Like> like,
            int maxQueryTerms, String minimumShouldMatch) {
        return Query.of(q -> q.moreLikeThis(mlt -> mlt
                .fields("title.en", "title.zh", "text.en", "text.zh")
                .like(like)
                .minTermFreq(1)
                .minDocFreq(1)
                .maxQueryTerms(maxQueryTerms)
                .minimumShouldMatch(minimumShouldMatch)));
    }

    /** A group's document most like the texts asked about, and its more-like-this score. */
    public record GroupMatch(String id, Map<String, String> title, double score) {
    }

    record TitleOnly(@org.jspecify.annotations.Nullable Map<String, String> title) {
    }

    /** A completion: the text to show, and the document it leads to. */
    public record Suggestion(String text, String type, String id) {
    }

    /**
     * What a viewer may find: in each index, what its feature declared public, and what belongs to
     * the viewer's own city where the index names owners.
     */
    private Query visibleTo(SearchQuery.Viewer viewer) {
        List<Query> visible = new java.util.ArrayList<>();
        for (SearchIndex index : indexes.all()) {
            SearchVisibility rule = index.visibility();
            Query ofType = Query.of(q -> q.term(t -> t.field("type").value(index.documentType())));
            if (rule.isPublic()) {
                visible.add(ofType);
                continue;
            }
            List<Query> either = new java.util.ArrayList<>(List.of(publicIn(rule)));
            if (rule.ownerField() != null && viewer.ownCityId() != null) {
                either.add(Query.of(q -> q.term(t -> t.field(rule.ownerField()).value(viewer.ownCityId()))));
            }
            visible.add(Query.of(q -> q.bool(b -> b.filter(ofType).filter(f -> f.bool(o -> o.should(either)
                    .minimumShouldMatch("1"))))));
        }
        return Query.of(q -> q.bool(b -> b.should(visible).minimumShouldMatch("1")));
    }

    /** The documents of index {@code indexName} that everyone may see. */
    private Query publicIn(String indexName) {
        return indexes.index(indexName).map(index -> publicIn(index.visibility()))
                .orElseThrow(() -> new IllegalArgumentException("No search index " + indexName));
    }

    private static Query publicIn(SearchVisibility rule) {
        if (rule.isPublic()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.terms(t -> t.field(rule.field()).terms(v -> v.value(rule.publicValues().stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
    }

    /** The facet fields a search may be filtered by. */
    public static List<String> filterFields() {
        return FACETS;
    }

    /**
     * The words typed, without typo tolerance, all of one or two, three of four of more: what counts as
     * a match in the reader's own language, ranked above any match the glossary carried across.
     */
    private static Query exactWordsQuery(BoundedText text, @org.jspecify.annotations.Nullable String lang) {
        return Query.of(q -> q.multiMatch(m -> m.query(text.words())
                .fields(lang == null ? List.of("title.*", "text.*") : List.of("title." + lang + "*", "text." + lang + "*"))
                .type(TextQueryType.BestFields)
                .minimumShouldMatch("2<75%")));
    }

    private static Query wordsQuery(BoundedText text, @org.jspecify.annotations.Nullable String lang, boolean fuzzy) {
        return Query.of(q -> q.multiMatch(m -> {
            m.query(text.words())
                    .fields(lang == null ? List.of("title.*^3", "text.*") : List.of("title." + lang + "*^3", "text." + lang + "*"))
                    .type(TextQueryType.BestFields);
            if (fuzzy) {
                m.fuzziness("AUTO").prefixLength(1).maxExpansions(BoundedText.FUZZY_EXPANSIONS);
            }
            return m;
        }));
    }

    private Query toQuery(SearchQuery query, CrossLingual bridges) {
        String lang = query.language();
        BoundedText text = BoundedText.of(query.text());
        Query words = text.words().isBlank() ? Query.of(q -> q.matchAll(m -> m))
                : bridges.expanded(wordsQuery(text, lang, text.fuzzy()));
        List<Query> filters = new java.util.ArrayList<>();
        if (!query.viewer().seesEverything()) {
            filters.add(visibleTo(query.viewer()));
        }
        query.filters().forEach((field, values) -> filters.add(Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))))));
        if (query.year() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("year").value(query.year()))));
        }
        return filters.isEmpty() ? words : Query.of(q -> q.bool(b -> b.must(words).filter(filters)));
    }

    private static SearchResults toResults(SearchResponse<IndexedDocument> response, SearchQuery query,
            CrossLingual bridges) {
        List<SearchResults.Hit> hits = response.hits().hits().stream()
                .map(hit -> toHit(hit).carriedBy(bridges.carrying(hit.matchedQueries()))).toList();
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        response.aggregations().forEach((name, aggregate) -> {
            if (aggregate.isSterms() && name.equals(STEP_FIELD)) {
                facets.put(STEP_FACET, aggregate.sterms().buckets().array().stream()
                        .map(bucket -> new SearchResults.FacetCount(stepFacetKey(bucket.key().stringValue()), bucket.docCount()))
                        .toList());
            }
            else if (aggregate.isSterms()) {
                facets.put(name, aggregate.sterms().buckets().array().stream()
                        .map(SearchService::toFacetCount).toList());
            }
            else if (aggregate.isLterms()) {
                facets.put(name, aggregate.lterms().buckets().array().stream()
                        .map(bucket -> new SearchResults.FacetCount(String.valueOf(bucket.key()), bucket.docCount()))
                        .toList());
            }
        });
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResults(total, query.page(), query.size(), hits, facets);
    }

    private static SearchResults.Hit toHit(Hit<IndexedDocument> hit) {
        IndexedDocument source = hit.source();
        return new SearchResults.Hit(hit.id(), source == null ? "" : source.type(),
                source == null || source.title() == null ? Map.of() : source.title(),
                source == null ? null : source.status(), Highlights.distinct(hit.highlight()),
                hit.score() == null ? 0 : hit.score(), List.of());
    }

    /** {@code FUNDING:BASIC:AVERAGE} → {@code FUNDING:BASIC}: the step up from a level is one. */
    private static String stepFacetKey(String stepKey) {
        int last = stepKey.lastIndexOf(':');
        return last < 0 ? stepKey : stepKey.substring(0, last);
    }

    private static SearchResults.FacetCount toFacetCount(StringTermsBucket bucket) {
        return new SearchResults.FacetCount(bucket.key().stringValue(), bucket.docCount());
    }

    /** The part of every indexed document that a hit shows; {@code status} only for case studies. */
    record IndexedDocument(String type, Map<String, String> title, @org.jspecify.annotations.Nullable String status) {
    }
}
