package org.citystep.shared.mongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server does not know the {@code hello} command that current drivers and Boot's Mongo
 * health check send; it answers the older, equivalent {@code isMaster}.
 */
final class HelloAnsweringBackends {

    private HelloAnsweringBackends() {
    }

    private static String translate(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }

    static final class Memory extends IdLookupMemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, translate(command), query);
        }
    }

    static final class H2 extends IdLookupH2Backend {
        H2(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, translate(command), query);
        }
    }
}
