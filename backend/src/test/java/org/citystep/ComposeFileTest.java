package org.citystep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code infra/compose.yaml} describes the production shape (it cannot run on machines without
 * Docker): at least two app instances over a three-member replica set and a three-node
 * Elasticsearch cluster, two Keycloak nodes that both sit behind a balancer, and the variable names
 * agree both ways: every variable it gives the app is one the app reads, and every variable the
 * prod profile needs (no default, or a default pointing at this machine) is given, so a renamed
 * setting cannot silently fall back to a local default.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "infra", "compose.yaml");
    /** Read by Spring Boot itself, not named in the app's configuration files. */
    private static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE");

    /** {@code ${NAME}} or {@code ${NAME:default}}; the default up to the matching brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        return new Yaml(options).load(Files.readString(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> appServices() throws IOException {
        Map<String, Map<String, Object>> services = services();
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

    @Test
    void everyVariableTheProdProfileNeedsIsGivenToEveryApp() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (String file : List.of("application-prod.yml", "application.yml")) {
            String text = Files.readString(Path.of("src/main/resources", file));
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String variable = placeholder.group(1);
                if (placeholder.group(2) == null) {
                    needed.add(variable); // no default: the app cannot start without it
                }
                else if (pointsAtThisMachine(defaultAfter(text, placeholder.end()))) {
                    needed.add(variable); // a default that would silently use a local service
                }
            }
        }
        needed.removeAll(LOCAL_ONLY);
        assertThat(needed).as("read by the app in production without a usable default")
                .contains("MONGODB_URI", "ELASTICSEARCH_URIS", "KEYCLOAK_ISSUER_URI");
        Map<String, Map<String, Object>> apps = appServices();
        apps.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.keySet()).as(name + " is given").containsAll(needed);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothKeycloakNodesSitBehindTheBalancerThatBrowsersAndAppsUse() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> keycloakNodes = services.entrySet().stream()
                .filter(each -> String.valueOf(each.getValue().get("image")).startsWith("quay.io/keycloak/"))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(keycloakNodes).hasSizeGreaterThanOrEqualTo(2);
        for (String node : keycloakNodes) {
            assertThat(services.get(node)).as(node + " is reached only through the balancer").doesNotContainKey("ports");
        }

        Map<String, Object> balancer = services.get("keycloak-balancer");
        assertThat(balancer).as("a keycloak-balancer service").isNotNull();
        assertThat(String.valueOf(balancer.get("image"))).startsWith("nginx");
        assertThat(balancer.get("ports").toString()).contains(":8180:8180");
        String source = ((List<Map<String, Object>>) balancer.get("configs")).get(0).get("source").toString();
        String config = ((Map<String, Map<String, Object>>) compose().get("configs")).get(source).get("content").toString();
        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(config);
        assertThat(upstream.find()).as("an upstream block in " + source).isTrue();
        for (String node : keycloakNodes) {
            assertThat(upstream.group(2)).as(source + " balances " + node).contains("server " + node + ":8180");
        }
        assertThat(config).contains("proxy_pass http://" + upstream.group(1) + ";");

        appServices().forEach((name, app) -> {
            Map<String, Object> environment = (Map<String, Object>) app.get("environment");
            assertThat(environment.get("KEYCLOAK_JWK_SET_URI").toString()).as(name)
                    .startsWith("http://keycloak-balancer:8180/");
            assertThat(environment.get("KEYCLOAK_DISCOVERY_URI").toString()).as(name)
                    .startsWith("http://keycloak-balancer:8180/");
            // the issuer is the address browsers use, which the balancer publishes and the nodes name
            assertThat(environment.get("KEYCLOAK_ISSUER_URI").toString()).as(name)
                    .isEqualTo("http://localhost:8180/realms/citystep");
            assertThat(((Map<String, Object>) app.get("depends_on")).keySet()).as(name)
                    .contains("keycloak-balancer").doesNotContainAnyElementsOf(keycloakNodes);
        });
        for (String node : keycloakNodes) {
            assertThat((List<String>) services.get(node).get("command")).as(node)
                    .contains("--hostname=http://localhost:8180", "--proxy-headers=xforwarded");
        }
    }

    /** Read only by the local, embedded setup, which the prod profile turns off, or given a production default there (CORS). */
    private static final Set<String> LOCAL_ONLY = Set.of("CITYSTEP_EMBEDDED_MONGODB_PORT", "MONGODB_DATABASE",
            "ES_PORT", "KEYCLOAK_PORT", "CITYSTEP_CORS_ORIGINS");

    private static String defaultAfter(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            }
            else if (c == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    private static boolean pointsAtThisMachine(String value) {
        return value.contains("localhost") || value.contains("127.0.0.1");
    }
}
