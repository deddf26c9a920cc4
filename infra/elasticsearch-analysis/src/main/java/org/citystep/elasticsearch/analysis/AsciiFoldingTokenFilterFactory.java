package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code asciifolding} token filter (built into a full Elasticsearch under that name) with its
 * default {@code preserve_original: false}: "Kraków" matches "krakow".
 *
 * <p>Usable in custom analyzers only: Elasticsearch 8.19 refuses stable-plugin filters in custom
 * normalizers ("Custom normalizer may not use filter"), so keyword normalizers must not rely on it.
 */
@NamedComponent(AsciiFoldingTokenFilterFactory.NAME)
public class AsciiFoldingTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "asciifolding";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, false);
    }
}
