package org.citystep.search;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official 8.19 Java client, wired by hand: Boot 4 only auto-configures the 9.x client, which
 * an 8.19 server refuses. The async client keeps request threads free; callers wrap its futures in
 * {@code Mono.fromFuture}.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        var builder = RestClient.builder(properties.uris().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (StringUtils.hasText(properties.username())) {
            var credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY,
                    new UsernamePasswordCredentials(properties.username(), properties.password()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    /**
     * Reads documents leniently: the API's mapper refuses unknown fields in requests, but an index
     * may hold fields that a reader does not need.
     */
    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(RestClient restClient, JsonMapper jsonMapper) {
        JsonMapper lenient = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return new ElasticsearchAsyncClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(lenient)));
    }
}
