package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code kstem} token filter (built into a full Elasticsearch under that name): Krovetz's light,
 * dictionary-backed English stemmer. Unlike Porter it keeps words whose stem is a different word
 * apart ("parking" stays, "parks" becomes "park"); expects lower-cased input.
 */
@NamedComponent(KStemTokenFilterFactory.NAME)
public class KStemTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "kstem";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KStemFilter(tokenStream);
    }
}
