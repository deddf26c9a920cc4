package org.citystep.report.web;

import java.util.Locale;

import org.citystep.city.CityGrouping;
import org.citystep.report.MaturityDistribution;
import org.citystep.report.ReportService;
import org.citystep.shared.i18n.AnswerLanguage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Reports over the cities' current validated self-assessments")
class ReportController {

    static final String TEXT_CSV = "text/csv";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/maturity-distribution", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Maturity level distribution per characteristic by region or country (Figure 3)",
            description = "Counts include every level; percentages have one decimal and add up to exactly 100 per "
                    + "group (largest-remainder rounding). Send Accept: text/csv for CSV.")
    Mono<MaturityDistribution> maturityDistribution(
            @Parameter(description = "What to group cities by",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"region", "country"},
                            defaultValue = "region"))
            @RequestParam(defaultValue = "region") String groupBy) {
        return reports.maturityDistribution(grouping(groupBy));
    }

    @GetMapping(path = "/maturity-distribution", produces = TEXT_CSV)
    @Operation(summary = "The same report as CSV, headers and names in the language of Accept-Language (en or zh-CN)",
            description = "Columns: characteristic code and name, region or country code and name, total, the count "
                    + "of every level, then the percentage of every level. UTF-8 with a byte-order mark.")
    Mono<ResponseEntity<String>> maturityDistributionCsv(
            @Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"region", "country"},
                    defaultValue = "region"))
            @RequestParam(defaultValue = "region") String groupBy, Locale locale) {
        Locale language = AnswerLanguage.of(locale);
        return reports.maturityDistribution(grouping(groupBy))
                .map(report -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                        .header("Content-Disposition", ContentDisposition.attachment()
                                .filename("maturity-distribution-by-" + report.groupBy() + ".csv").build().toString())
                        .body(reports.toCsv(report, language)));
    }

    private static CityGrouping grouping(String groupBy) {
        return switch (groupBy) {
            case "region" -> CityGrouping.REGION;
            case "country" -> CityGrouping.COUNTRY;
            default -> throw new org.citystep.shared.problem.ApiException(
                    org.citystep.shared.problem.ProblemType.VALIDATION_FAILED,
                    "groupBy must be 'region' or 'country', not '" + groupBy + "'.");
        };
    }
}
