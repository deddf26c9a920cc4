package org.citystep.shared.mongo;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded server's backends. mongo-java-server does not know the {@code hello} command that current drivers and Boot's Mongo
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

    /** The file-backed server; a write is answered only once it is on disk ({@link GroupCommit}). */
    static final class H2 extends IdLookupH2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection", "create");

        private final GroupCommit commits;

        H2(String file) {
            super(file);
            this.commits = new GroupCommit(getMvStore());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (OnlineBackup.COMMAND.equalsIgnoreCase(command)) {
                return OnlineBackup.write(getMvStore());
            }
            try {
                return super.handleCommand(channel, database, translate(command), query);
            }
            finally {
                // also after a failed write: part of it (an ordered bulk insert) may have been applied
                if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                    commits.awaitDurable();
                }
            }
        }
    }
}
