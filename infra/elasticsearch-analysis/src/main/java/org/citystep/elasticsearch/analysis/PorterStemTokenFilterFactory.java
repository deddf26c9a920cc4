package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code porter_stem} token filter (built into a full Elasticsearch under that name): English Porter
 * stemming for custom analyzers; expects lower-cased input.
 */
@NamedComponent(PorterStemTokenFilterFactory.NAME)
public class PorterStemTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "porter_stem";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(tokenStream);
    }
}
