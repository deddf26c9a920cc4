package org.citystep.search;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param uris           Elasticsearch nodes, e.g. {@code http://127.0.0.1:9200}
 * @param username       basic-auth user, when the cluster has security on
 * @param password       basic-auth password
 * @param indexPrefix    prefix of every alias and index name, so several deployments or test runs
 *                       can share a cluster
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer
 */
@ConfigurationProperties("citystep.elasticsearch")
public record ElasticsearchProperties(List<String> uris, @Nullable String username, @Nullable String password,
        String indexPrefix, Duration connectTimeout, Duration socketTimeout) {

    String aliasFor(String index) {
        return indexPrefix + "-" + index;
    }
}
