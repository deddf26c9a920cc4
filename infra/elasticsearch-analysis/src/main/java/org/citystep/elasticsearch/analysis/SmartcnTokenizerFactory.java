package org.citystep.elasticsearch.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * The {@code smartcn_tokenizer} tokenizer (the name the official {@code analysis-smartcn} plugin uses),
 * for custom analyzers that segment Chinese text and add their own filters.
 */
@NamedComponent(SmartcnTokenizerFactory.NAME)
public class SmartcnTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "smartcn_tokenizer";

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
