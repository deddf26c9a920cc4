package org.citystep.shared.mongo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-JVM MongoDB wire server used locally and in tests.
 *
 * @param enabled  start it (false in the {@code prod} profile, which connects to {@code MONGODB_URI})
 * @param host     address it binds to; loopback only
 * @param port     TCP port; 0 picks a free one
 * @param dataDir  folder for the H2 data file, so data survives restarts; empty keeps data in memory
 * @param database database name the application uses
 */
@ConfigurationProperties("citystep.mongodb.embedded")
public record EmbeddedMongoProperties(boolean enabled, String host, int port, @Nullable String dataDir,
        String database) {
}
