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

    /**
     * Threads that answer the server's connections. A durable write holds its thread until the commit
     * is on disk ({@link GroupCommit}), and every connection served by that thread waits with it: with
     * Netty's default (twice the cores: 4 here), one commit stalled about a quarter of the reads, and
     * a percent of cached matches waited a second (README, Performance). With 64, a commit stalls
     * one or two connections of the driver's pool; idle threads cost little.
     */
    private static final int SERVER_THREADS = 64;

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = new MongoServer(backend(properties));
        server.bind(new InetSocketAddress(properties.host(), properties.port()), 1, SERVER_THREADS);
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
