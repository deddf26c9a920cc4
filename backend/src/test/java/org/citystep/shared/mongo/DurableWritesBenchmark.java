package org.citystep.shared.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Prints what durable writes cost on the file-backed embedded MongoDB: inserts per second through
 * the real driver, at 1, 8 and 32 writes in flight, with each write committed and forced to disk
 * before it is acknowledged (as the app runs) against the store's own once-a-second commit (as it
 * ran before, losing up to a second of acknowledged writes in a crash). Run with {@code bench/run writes}.
 */
public final class DurableWritesBenchmark {

    private static final int WRITES = 3_000;

    private DurableWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("in-flight  durable-writes/s  commit-each-second-writes/s  durable-share");
        for (int inFlight : new int[] {1, 8, 32}) {
            double durable = writesPerSecond(file -> new HelloAnsweringBackends.H2(file), inFlight);
            double lazy = writesPerSecond(file -> new IdLookupH2Backend(file) {
                @Override
                public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel,
                        String database, String command, de.bwaldvogel.mongo.bson.Document query) {
                    return super.handleCommand(channel, database,
                            "hello".equalsIgnoreCase(command) ? "isMaster" : command, query);
                }
            }, inFlight);
            System.out.printf("%9d  %16.0f  %27.0f  %12.2f%n", inFlight, durable, lazy, durable / lazy);
        }
    }

    private static double writesPerSecond(java.util.function.Function<String, MongoBackend> backend, int inFlight)
            throws Exception {
        Path dir = Files.createTempDirectory("citystep-durable-bench");
        MongoServer server = new MongoServer(backend.apply(dir.resolve("bench.mv").toString()));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                MongoCollection<Document> collection = client.getDatabase("bench").getCollection("writes");
                insert(collection, 0, 300, inFlight); // warm-up
                long start = System.nanoTime();
                insert(collection, 300, WRITES, inFlight);
                return WRITES / ((System.nanoTime() - start) / 1e9);
            }
        }
        finally {
            server.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void insert(MongoCollection<Document> collection, int from, int count, int inFlight) {
        Flux.range(from, count)
                .flatMap(i -> Mono.from(collection.insertOne(new Document("_id", "doc-" + i)
                        .append("name", "City " + i).append("text", "x".repeat(500)))), inFlight)
                .blockLast();
    }
}
