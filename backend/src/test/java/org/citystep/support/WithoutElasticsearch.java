package org.citystep.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on in-memory embedded MongoDB, with Elasticsearch pointed at a closed port
 * (as when it is down) and tokens supplied by spring-security-test instead of Keycloak.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "citystep.elasticsearch.uris=http://127.0.0.1:9")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public @interface WithoutElasticsearch {
}
