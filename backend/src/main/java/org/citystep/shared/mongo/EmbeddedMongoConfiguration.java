package org.citystep.shared.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Starts the MongoDB wire-protocol server inside the JVM and points Boot's Mongo client at it. The
 * real reactive driver talks to it over TCP, so the application code is the same as in production.
 * It has no multi-document transactions and no {@code $text}: CityStep needs neither.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "citystep.mongodb.embedded.enabled")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = new MongoServer(backend(properties));
        server.bind(properties.host(), properties.port());
        log.info("Embedded MongoDB listening on {} ({})", server.getLocalAddress(),
                StringUtils.hasText(properties.dataDir()) ? "data in " + properties.dataDir() : "in memory");
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, EmbeddedMongoProperties properties) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + properties.database());
        return () -> connection;
    }

    private static MongoBackend backend(EmbeddedMongoProperties properties) {
        if (!StringUtils.hasText(properties.dataDir())) {
            return new HelloAnsweringBackends.Memory();
        }
        Path dir = Path.of(properties.dataDir()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data folder " + dir, e);
        }
        return new HelloAnsweringBackends.H2(dir.resolve(properties.database() + ".mv").toString());
    }
}
