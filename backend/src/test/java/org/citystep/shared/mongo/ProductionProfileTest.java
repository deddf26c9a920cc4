package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;

/** In production nothing is embedded: the app connects to the MongoDB that MONGODB_URI names. */
@SpringBootTest(properties = {"MONGODB_URI=mongodb://mongo-0.example:27017,mongo-1.example:27017/citystep?replicaSet=rs0",
        "citystep.elasticsearch.uris=http://127.0.0.1:9"})
@ActiveProfiles("prod")
@AutoConfigureWebTestClient
class ProductionProfileTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient client;

    @Test
    void metricsAreNotPublicButHealthIs() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void loadsNoDemoData() {
        assertThat(context.getEnvironment().getProperty("citystep.demo-data.enabled", Boolean.class)).isFalse();
    }

    @Test
    void usesTheConfiguredReplicaSetAndStartsNoEmbeddedServer() {
        assertThat(context.getBeanNamesForType(MongoServer.class)).isEmpty();
        var connection = context.getBean(MongoConnectionDetails.class).getConnectionString();
        assertThat(connection.getHosts()).containsExactly("mongo-0.example:27017", "mongo-1.example:27017");
        assertThat(connection.getRequiredReplicaSetName()).isEqualTo("rs0");
    }
}
