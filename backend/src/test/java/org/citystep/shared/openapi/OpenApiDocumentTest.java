package org.citystep.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front end's API types are generated from {@code frontend/openapi/citystep-api.json}; this
 * keeps that copy equal to the document the backend serves, so the types cannot drift from the
 * API. After an API change run it with {@code -Dopenapi.update=true} to rewrite the copy.
 */
@WithoutElasticsearch
class OpenApiDocumentTest {

    private static final Path COPY = Path.of("..", "frontend", "openapi", "citystep-api.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Autowired
    WebTestClient client;

    @Test
    void frontEndCopyOfTheOpenApiDocumentIsCurrent() throws IOException {
        byte[] served = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        Map<?, ?> document = withoutServers(JSON.readValue(served, Map.class));
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COPY.getParent());
            Files.writeString(COPY, JSON.writeValueAsString(document) + "\n");
        }
        assertThat(Files.exists(COPY)).as("%s exists (run this test with -Dopenapi.update=true)", COPY).isTrue();
        Map<?, ?> copy = JSON.readValue(Files.readString(COPY), Map.class);
        assertThat(copy).as("%s is out of date: run this test with -Dopenapi.update=true, then rebuild the front end", COPY)
                .isEqualTo(document);
    }

    /** The server address is the test's random port, not part of the API. */
    private static Map<?, ?> withoutServers(Map<?, ?> document) {
        Map<Object, Object> copy = new java.util.LinkedHashMap<>(document);
        copy.remove("servers");
        return copy;
    }
}
