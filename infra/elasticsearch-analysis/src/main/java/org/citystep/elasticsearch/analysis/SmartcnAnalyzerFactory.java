package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code smartcn} analyzer: Lucene's {@link SmartChineseAnalyzer} (HMM word segmentation, default
 * stop words), as the official {@code analysis-smartcn} plugin provides it under the same name.
 */
@NamedComponent(SmartcnAnalyzerFactory.NAME)
public class SmartcnAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "smartcn";

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}
