package org.citystep.casestudy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.casestudy.CaseStudyContent;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.HasText;
import org.citystep.shared.validation.NoMarkup;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A case study as clients send it: on {@code POST} a new draft of {@code cityId}, on {@code PUT}
 * the representation {@code GET} returned, changed, with the {@code version} read. Workflow fields
 * (status, best practice, verification, audit) are read-only here: they change through their own
 * endpoints. {@code body} may hold simple HTML, which is sanitised.
 */
@Schema(name = "CaseStudyInput", example = "{\"cityId\": \"amsterdam\", \"title\": {\"en\": \"Smart parking guidance\"}, "
        + "\"summary\": {\"en\": \"Sensors and signs guide drivers to free spaces.\"}, \"body\": {\"en\": \"<p>...</p>\"}, "
        + "\"serviceDomains\": [\"TRANSPORTATION\"], \"steps\": [{\"characteristic\": \"SERVICES\", \"fromLevel\": \"AVERAGE\", "
        + "\"toLevel\": \"MORE_ADVANCED\"}], \"stage\": \"SCALING\", \"flags\": {\"scalable\": true, \"cloud\": true, "
        + "\"integratedOffering\": false, \"openApi\": true, \"iot\": true}, \"benefits\": [{\"description\": {\"en\": "
        + "\"Time spent searching for parking\"}, \"baseline\": 12.5, \"result\": 8.0, \"unit\": \"min\", \"year\": 2013}], "
        + "\"funding\": {\"instruments\": [\"EU_GRANT\"], \"amount\": 2500000, \"currency\": \"EUR\", \"publicSharePercent\": 70}}")
record CaseStudyInput(
        @Nullable @Slug String id,
        @Schema(description = "Required on PUT") @Nullable @PositiveOrZero Long version,
        @Schema(description = "The city it belongs to; fixed once created") @NotNull @Slug String cityId,
        @NotEmpty @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 200) @PlainText String> title,
        @NotEmpty @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 1000) @NoMarkup String> summary,
        @Nullable @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 20_000) String> body,
        @NotEmpty @Size(max = 16) Set<@NotNull ServiceDomain> serviceDomains,
        @NotNull @Size(max = 9) List<@NotNull @Valid StepInput> steps,
        @NotNull CaseStudyContent.Stage stage,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @NotNull @Valid CaseStudyContent.Flags flags,
        @Nullable @Size(max = 20) Set<@NotNull @Pattern(regexp = "[A-Z_]{2,40}") String> targetGroups,
        @Nullable @Size(max = 20) List<@NotNull @Valid BenefitInput> benefits,
        @Nullable @Valid FundingInput funding,
        @Nullable @Pattern(regexp = "[A-Z_]{2,60}") String businessModel,
        @Nullable @Size(max = 30) Set<@NotNull @Pattern(regexp = "[A-Z0-9_]{2,60}") String> technologies,
        @Nullable @Size(max = 30) List<@NotNull @Valid PartnerInput> partners,
        @Nullable @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 4000) @NoMarkup String> inclusionMeasures,
        @Nullable @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 4000) @NoMarkup String> lessonsLearned,
        @Nullable @Valid ContactInput contact,
        @Schema(defaultValue = "CC-BY-4.0") @Nullable @Pattern(regexp = "[A-Za-z0-9.-]{2,40}") String licence,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean contactAvailable,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String status,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean bestPractice,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable List<String> awards,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable LocalDate lastVerified,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean dueForReverification,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean demo,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant createdAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant updatedAt) {

    static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    record StepInput(@NotNull Characteristic characteristic, @NotNull MaturityLevel fromLevel,
            @NotNull MaturityLevel toLevel) {
    }

    record BenefitInput(@Nullable @Size(max = 60) @PlainText String indicatorCode,
            @NotEmpty @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 300) @PlainText String> description,
            @Nullable @DecimalMin("-1e15") @DecimalMax("1e15") Double baseline,
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") Double result,
            @NotBlank @Size(max = 40) @PlainText String unit,
            @NotNull @Min(1900) @Max(2100) Integer year) {
    }

    record FundingInput(@NotNull @Size(max = 20) Set<@NotNull @Pattern(regexp = "[A-Z_]{2,60}") String> instruments,
            @Nullable @DecimalMin("0") @DecimalMax("1e13") Double amount,
            @Nullable @Pattern(regexp = "[A-Z]{3}") String currency,
            @Nullable @DecimalMin("0") @DecimalMax("100") Double publicSharePercent) {
    }

    record PartnerInput(@NotBlank @Size(max = 200) @PlainText String name,
            @Nullable @Size(max = 10) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 200) @PlainText String> role) {
    }

    @Schema(name = "CaseStudyContactInput")
    record ContactInput(@NotBlank @Size(max = 200) @PlainText String name, @Nullable @Email @Size(max = 254) String email) {
    }

    CaseStudyContent content() {
        return new CaseStudyContent(title, summary, body,
                serviceDomains, steps.stream().map(s -> new CaseStudyContent.Step(s.characteristic(), s.fromLevel(),
                        s.toLevel())).toList(),
                stage, startDate, endDate, flags, targetGroups,
                benefits == null ? null : benefits.stream().map(b -> new CaseStudyContent.Benefit(b.indicatorCode(),
                        b.description(), b.baseline(), b.result(), b.unit(), b.year())).toList(),
                funding == null ? null : new CaseStudyContent.Funding(funding.instruments(), funding.amount(),
                        funding.currency(), funding.publicSharePercent()),
                businessModel, technologies,
                partners == null ? null : partners.stream().map(p -> new CaseStudyContent.Partner(p.name(),
                        p.role() == null ? Map.of() : p.role())).toList(),
                inclusionMeasures, lessonsLearned,
                contact == null ? null : new CaseStudyContent.Contact(contact.name(), contact.email()), licence);
    }
}
