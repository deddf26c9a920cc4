package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code english} analyzer: Lucene's {@link EnglishAnalyzer} with its default English stop words,
 * as Elasticsearch's built-in {@code english} analyzer uses when it is given no settings.
 */
@NamedComponent(EnglishAnalyzerFactory.NAME)
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "english";

    @Override
    public Analyzer create() {
        return new EnglishAnalyzer();
    }
}
