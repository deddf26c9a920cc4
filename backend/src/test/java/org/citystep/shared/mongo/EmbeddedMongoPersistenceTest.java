package org.citystep.shared.mongo;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Local data written through the real driver is still there after the embedded server restarts. */
class EmbeddedMongoPersistenceTest {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedMongoProperties.class)
    @Import(EmbeddedMongoConfiguration.class)
    static class EmbeddedOnly {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedOnly.class)
                .withPropertyValues("citystep.mongodb.embedded.enabled=true", "citystep.mongodb.embedded.host=127.0.0.1",
                        "citystep.mongodb.embedded.port=0", "citystep.mongodb.embedded.database=citystep",
                        "citystep.mongodb.embedded.data-dir=" + dataDir);
    }

    @Test
    void dataSurvivesARestart() {
        runner().run(context -> {
            try (MongoClient client = MongoClients.create(context.getBean(MongoConnectionDetails.class)
                    .getConnectionString())) {
                StepVerifier.create(Mono.from(client.getDatabase("citystep").getCollection("cities")
                                .insertOne(new Document("_id", "amsterdam").append("name", "Amsterdam"))))
                        .expectNextCount(1).verifyComplete();
            }
        });

        runner().run(context -> {
            try (MongoClient client = MongoClients.create(context.getBean(MongoConnectionDetails.class)
                    .getConnectionString())) {
                StepVerifier.create(Flux.from(client.getDatabase("citystep").getCollection("cities").find())
                                .map(doc -> doc.getString("name")))
                        .expectNext("Amsterdam")
                        .verifyComplete();
            }
        });
    }

    @Test
    void healthCheckCommandIsAnswered() {
        runner().withPropertyValues("citystep.mongodb.embedded.data-dir=").run(context -> {
            try (MongoClient client = MongoClients.create(context.getBean(MongoConnectionDetails.class)
                    .getConnectionString())) {
                StepVerifier.create(Mono.from(client.getDatabase("admin").runCommand(new Document("hello", 1))))
                        .assertNext(reply -> org.assertj.core.api.Assertions.assertThat(reply.get("ok"))
                                .isIn(1, 1.0))
                        .verifyComplete();
            }
        });
    }
}
