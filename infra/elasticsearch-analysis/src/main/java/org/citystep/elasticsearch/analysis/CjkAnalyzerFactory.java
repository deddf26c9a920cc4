package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code cjk} analyzer: Lucene's {@link CJKAnalyzer} (overlapping character bigrams), as full
 * Elasticsearch has it built in. Used beside {@code smartcn} so that a short name such as 成都 also
 * finds text that word segmentation keeps whole (成都市).
 */
@NamedComponent(CjkAnalyzerFactory.NAME)
public class CjkAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "cjk";

    @Override
    public Analyzer create() {
        return new CJKAnalyzer();
    }
}
