package org.citystep.reference.web;

import java.time.Duration;

import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference", description = "The assessment framework of the 2014 EU-China Smart City white paper")
class ReferenceController {

    private final ReferenceDataService reference;

    ReferenceController(ReferenceDataService reference) {
        this.reference = reference;
    }

    @GetMapping
    @Operation(summary = "Characteristics, maturity levels, Annex 2 criteria, Annex 1 questions, service domains, "
            + "financing instruments, business models and technology tags, in English and Chinese, with citations",
            description = "Cacheable: send If-None-Match with the ETag to get 304 when nothing changed.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", required = false,
                    description = "The ETag of a copy you hold",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The reference data",
            headers = {@Header(name = "ETag", description = "Changes only when the data changes", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "public, max-age=3600", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Your copy (If-None-Match) is current")
    Mono<ResponseEntity<ReferenceData>> reference(ServerWebExchange exchange) {
        if (exchange.checkNotModified(reference.etag())) {
            return Mono.just(ResponseEntity.status(304).eTag(reference.etag()).build());
        }
        return Mono.just(ResponseEntity.ok()
                .eTag(reference.etag())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(reference.data()));
    }
}
