package org.citystep.reference.web;

import java.time.Duration;

import org.citystep.reference.Indicator;
import org.citystep.reference.IndicatorCatalogue;
import org.citystep.reference.IndicatorStandard;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference", description = "The assessment framework of the 2014 EU-China Smart City white paper")
class ReferenceController {

    private final ReferenceDataService reference;
    private final IndicatorCatalogue indicators;

    ReferenceController(ReferenceDataService reference, IndicatorCatalogue indicators) {
        this.reference = reference;
        this.indicators = indicators;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicator catalogue city KPIs are chosen from: U4SSC KPIs, ISO 37120, ISO 37122 and "
            + "ISO 37123 numbers with titles in English and Chinese and their units, a page at a time",
            description = "Filter by standard, by theme (the standard's section, e.g. TRANSPORTATION) and by text "
                    + "in the code or either title. The catalogue is small: ask for size=100 to get it whole. "
                    + "Sources are cited in reference/indicators.json; Chinese titles are the project's translation.")
    Mono<PageResponse<Indicator>> indicators(@RequestParam(required = false) @Nullable IndicatorStandard standard,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z_]{1,40}") String theme,
            @Parameter(description = "Text in the code, number or title, either language")
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @Valid @ParameterObject PageParams page) {
        var found = indicators.search(standard, theme, q);
        int from = Math.min(found.size(), page.page() * page.size());
        int to = Math.min(found.size(), from + page.size());
        return Mono.just(new PageResponse<>(found.subList(from, to), page.page(), page.size(), found.size()));
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
