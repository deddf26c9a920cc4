package org.citystep.opendata.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.citystep.opendata.Dataset;
import org.citystep.opendata.DatasetStamp;
import org.citystep.opendata.ExportFormat;
import org.citystep.opendata.Exports;
import org.citystep.shared.i18n.Messages;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Open data", description = "Bulk exports of the public datasets (anonymous), and the DCAT-AP catalogue")
class ExportController {

    private final Exports exports;
    private final Messages messages;

    ExportController(Exports exports, Messages messages) {
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The datasets: titles and descriptions in English and Chinese, licence, formats, records, last change",
            description = "Records and last change are counted by a pass over each dataset and reused for "
                    + "`CITYSTEP_OPEN_DATA_STAMP_TTL` (60 s).")
    Mono<DatasetsView> datasets() {
        return Flux.fromArray(Dataset.values())
                .concatMap(dataset -> exports.stamp(dataset).map(stamp -> DatasetView.of(dataset, stamp, messages))
                        // the maturity distribution is counted by Elasticsearch: while it is down, the rest is listed
                        .onErrorResume(failure -> Mono.just(DatasetView.uncounted(dataset, messages))))
                .collectList()
                .map(DatasetsView::of);
    }

    @GetMapping(path = "/{dataset}", produces = {"application/x-ndjson", "text/csv"})
    @Operation(summary = "One dataset, streamed as JSON Lines or CSV",
            description = "Anonymous. `format=jsonl` (default; one JSON object per line, nested as the data is) or "
                    + "`format=csv` (RFC 4180, UTF-8, a header row; lists are joined by `|`, texts in several languages "
                    + "have one column per language, e.g. `title_en`, `title_zh`; a text cell starting with = + - @ "
                    + "starts with `'`). `since` (an ISO 8601 instant) gives only the records changed after it; "
                    + "removals are not in it (take the whole dataset for those), and `maturity-distribution` "
                    + "ignores it. `ETag` and `Last-Modified` describe the dataset; `If-None-Match` answers 304. "
                    + "gzip when asked (`Accept-Encoding: gzip`). No personal data: no contact names, e-mail "
                    + "addresses or phone numbers. 404 for an unknown dataset; 400 for a bad `format` or `since`.")
    Mono<ResponseEntity<Flux<String>>> export(
            @Parameter(schema = @Schema(allowableValues = {"case-studies", "cities", "assessments", "experts", "clusters",
                    "maturity-distribution"})) @PathVariable String dataset,
            @Parameter(schema = @Schema(allowableValues = {"jsonl", "csv"}, defaultValue = "jsonl"))
            @RequestParam(defaultValue = "jsonl") String format,
            @Parameter(description = "ISO 8601 instant, e.g. 2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable String since,
            ServerWebExchange exchange) {
        Dataset chosen = Dataset.byId(dataset).orElseThrow(() -> ApiException.notFound("dataset", dataset));
        ExportFormat written = ExportFormat.byId(format).orElseThrow(() -> invalid("format", "opendata.field.format", format));
        Instant after = since == null ? null : instant(since);
        Instant narrowing = exports.takesSince(chosen) ? after : null;
        return exports.stamp(chosen).map(stamp -> {
            String etag = etag(chosen, written, narrowing, stamp);
            if (stamp.lastModified() != null ? exchange.checkNotModified(etag, stamp.lastModified())
                    : exchange.checkNotModified(etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<Flux<String>>build();
            }
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(written.mediaType() + ";charset=UTF-8"))
                    .eTag(etag)
                    .cacheControl(CacheControl.noCache())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("citystep-" + chosen.id() + "." + written.id()).build().toString());
            if (stamp.lastModified() != null) {
                answer.lastModified(stamp.lastModified());
            }
            return answer.body(exports.write(chosen, written, narrowing));
        });
    }

    /** Weak: the same data is sent gzip-compressed or not. */
    static String etag(Dataset dataset, ExportFormat format, @Nullable Instant since, DatasetStamp stamp) {
        return "W/\"" + dataset.id() + "-" + format.id() + "-" + (since == null ? "all" : since.toEpochMilli()) + "-"
                + stamp.records() + "-" + (stamp.lastModified() == null ? 0 : stamp.lastModified().toEpochMilli()) + "\"";
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException notAnInstant) {
            throw invalid("since", "opendata.field.since", text);
        }
    }

    private static ApiException invalid(String field, String code, String value) {
        return ApiException.invalid("problem.invalidFields", List.of(Problems.FieldMessage.of(field, code, value)), 1);
    }
}
