package org.citystep.shared.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipOutputStream;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A consistent snapshot of the file-backed embedded server while it runs, asked for with the wire
 * command {@value #COMMAND} (by {@link BackupTool}). The H2 store copies its file as of its last
 * commit, which covers every acknowledged write ({@link GroupCommit}), without stopping writes. The
 * snapshot goes only into the {@code backups} folder beside the data file: the server listens on
 * loopback, and a caller must not choose where it writes.
 */
final class OnlineBackup {

    static final String COMMAND = "citystepBackup";
    static final String ENTRY = "mongodb.mv";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private OnlineBackup() {
    }

    static Document write(MVStore store) {
        Path data = Path.of(store.getFileStore().getFileName());
        Path target = data.resolveSibling("backups").resolve("backup-" + NAME.format(Instant.now()) + ".zip");
        try {
            Files.createDirectories(target.getParent());
            store.commit();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                store.getFileStore().backup(zip);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + target, e);
        }
        return new Document("ok", 1.0).append("file", target.toString());
    }
}
