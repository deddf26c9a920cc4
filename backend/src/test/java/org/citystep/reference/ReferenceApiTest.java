package org.citystep.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@WithoutElasticsearch
class ReferenceApiTest {

    @Autowired
    WebTestClient client;

    @Test
    void servesTheCitedFrameworkInEnglishAndChineseAndIsCacheable() {
        String etag = client.get().uri("/api/v1/reference").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("max-age=3600").contains("public"))
                .expectBody()
                .jsonPath("$.characteristics.length()").isEqualTo(9)
                .jsonPath("$.characteristics[0].code").isEqualTo("STRATEGY")
                .jsonPath("$.characteristics[0].name.zh").isNotEmpty()
                .jsonPath("$.characteristics[0].citation.section").isNotEmpty()
                .jsonPath("$.characteristics[3].criteria[?(@.code == 'FUNDING.AVERAGE.1')].level").isEqualTo(java.util.List.of("AVERAGE"))
                .jsonPath("$.characteristics[8].rated").isEqualTo(false)
                .jsonPath("$.levels.length()").isEqualTo(6)
                .jsonPath("$.serviceDomains.length()").isEqualTo(16)
                .jsonPath("$.financingInstruments.length()").value(n -> assertThat((Integer) n).isGreaterThan(3))
                .jsonPath("$.source.year").isEqualTo(2014)
                .returnResult().getResponseHeaders().getETag();

        client.get().uri("/api/v1/reference").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
    }
}
