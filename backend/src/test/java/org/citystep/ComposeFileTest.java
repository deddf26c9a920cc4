package org.citystep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code infra/compose.yaml} describes the production shape (it cannot run on machines without
 * Docker): at least two app instances over a three-member replica set and a three-node
 * Elasticsearch cluster, and every variable it gives the app is one the app reads, so a renamed
 * setting cannot silently fall back to a local default.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "infra", "compose.yaml");
    /** Read by Spring Boot itself, not named in the app's configuration files. */
    private static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> appServices() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(COMPOSE));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Map<String, Object>> apps = new java.util.TreeMap<>();
        services.forEach((name, service) -> {
            if ("citystep:latest".equals(service.get("image"))) {
                apps.put(name, service);
            }
        });
        return apps;
    }

    @Test
    void everyVariableTheComposeFileGivesTheAppIsOneTheAppReads() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"))
                + Files.readString(Path.of("src/main/resources/application-prod.yml"));
        Map<String, Map<String, Object>> apps = appServices();
        assertThat(apps).isNotEmpty();
        apps.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            for (String variable : environment.keySet()) {
                if (!READ_BY_SPRING.contains(variable)) {
                    assertThat(configuration).as(name + " sets " + variable).contains("${" + variable);
                }
            }
        });
    }

    @Test
    void theProductionShapeHasTwoAppsOverThreeMongoMembersAndThreeElasticsearchNodes() throws IOException {
        Map<String, Map<String, Object>> apps = appServices();
        assertThat(apps).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> app : apps.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) app.get("environment");
            String mongo = environment.get("MONGODB_URI").toString();
            assertThat(mongo).contains("replicaSet=");
            assertThat(mongo.substring("mongodb://".length(), mongo.indexOf('/', "mongodb://".length())).split(","))
                    .hasSize(3);
            assertThat(List.of(environment.get("ELASTICSEARCH_URIS").toString().split(","))).hasSize(3);
        }
    }
}
