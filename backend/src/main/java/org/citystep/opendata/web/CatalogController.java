package org.citystep.opendata.web;

import java.util.List;

import org.citystep.opendata.Catalogue;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Open data")
class CatalogController {

    private static final MediaType TURTLE = MediaType.parseMediaType("text/turtle");
    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final Catalogue catalogue;

    CatalogController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/catalog")
    @Operation(summary = "The DCAT-AP 3.0 catalogue of the datasets, for data portals to harvest",
            description = "Anonymous. JSON-LD by default; Turtle when asked by `Accept: text/turtle` or `format=turtle`. "
                    + "Valid against the official DCAT-AP 3.0.1 SHACL shapes (tested). Absolute links are made from "
                    + "`CITYSTEP_OPEN_DATA_BASE_URL`.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/ld+json", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/turtle", schema = @Schema(type = "string"))}))
    Mono<ResponseEntity<String>> catalog(
            @Parameter(schema = @Schema(allowableValues = {"jsonld", "turtle"})) @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        Catalogue.Syntax syntax = syntax(format, accept);
        return catalogue.write(syntax).map(written -> {
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(syntax.mediaType() + ";charset=UTF-8"))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .cacheControl(CacheControl.noCache());
            if (written.modified() != null) {
                answer.lastModified(written.modified());
            }
            return answer.body(written.text());
        });
    }

    private static Catalogue.Syntax syntax(@Nullable String format, @Nullable String accept) {
        if (format != null) {
            return switch (format) {
                case "turtle", "ttl" -> Catalogue.Syntax.TURTLE;
                case "jsonld", "json-ld" -> Catalogue.Syntax.JSON_LD;
                default -> throw ApiException.invalid("problem.invalidFields",
                        List.of(Problems.FieldMessage.of("format", "opendata.field.catalogFormat", format)), 1);
            };
        }
        if (accept == null || accept.isBlank()) {
            return Catalogue.Syntax.JSON_LD;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        }
        catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return Catalogue.Syntax.JSON_LD;
        }
        // the highest quality first; of equal ones, the first named
        wanted = wanted.stream().sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType type : wanted) {
            if (type.getQualityValue() > 0 && type.isCompatibleWith(JSON_LD) && !type.isWildcardType()) {
                return Catalogue.Syntax.JSON_LD;
            }
            if (type.getQualityValue() > 0 && type.includes(TURTLE) && !type.isWildcardType()) {
                return Catalogue.Syntax.TURTLE;
            }
        }
        return Catalogue.Syntax.JSON_LD;
    }
}
