package org.citystep.opendata;

import java.util.Arrays;
import java.util.Optional;

/** How an export is written: JSON Lines (one JSON object per line, nested as the data is) or CSV (flat). */
public enum ExportFormat {
    JSONL("jsonl", "application/x-ndjson", "http://publications.europa.eu/resource/authority/file-type/JSON"),
    CSV("csv", "text/csv", "http://publications.europa.eu/resource/authority/file-type/CSV");

    private final String id;
    private final String mediaType;
    private final String euFileType;

    ExportFormat(String id, String mediaType, String euFileType) {
        this.id = id;
        this.mediaType = mediaType;
        this.euFileType = euFileType;
    }

    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format in the EU's file-type vocabulary, as DCAT-AP asks for {@code dct:format}. */
    public String euFileType() {
        return euFileType;
    }

    public static Optional<ExportFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }
}
