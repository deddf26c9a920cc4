package org.citystep.city.web;

import java.net.URI;
import java.util.List;

import org.citystep.city.CityFilter;
import org.citystep.city.CityService;
import org.citystep.city.ExchangeCreditSource;
import org.citystep.city.ExchangeCredits;
import org.springframework.beans.factory.ObjectProvider;
import org.citystep.city.Region;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.validation.Slug;
import org.citystep.shared.web.Replacements;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cities")
@Tag(name = "Cities", description = "City profiles")
class CityController {

    private final CityService cities;
    private final ObjectProvider<ExchangeCreditSource> credits;

    CityController(CityService cities, ObjectProvider<ExchangeCreditSource> credits) {
        this.cities = cities;
        this.credits = credits;
    }

    /** How many cities one request may name by id: one page's worth. */
    static final int MAX_IDS = PageParams.MAX_SIZE;

    @GetMapping
    @Operation(summary = "List cities, filtered by region, country, interest and level in a characteristic, "
            + "a page at a time; or the cities named by id",
            description = "With ids: those cities (read by id, so cheap at any scale), in the order asked, unknown "
                    + "ids left out; total says how many were found. Not combined with filters or paging.")
    Mono<PageResponse<CityView>> list(
            @Parameter(description = "Up to " + MAX_IDS + " city ids, comma-separated")
            @RequestParam(required = false) @Nullable @Size(max = MAX_IDS) List<@Slug String> ids,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(required = false) @Nullable @Pattern(regexp = CityInput.COUNTRY_CODE) String country,
            @Parameter(description = "A service domain the city works on")
            @RequestParam(required = false) @Nullable ServiceDomain interest,
            @Parameter(description = "With level: cities at that level in this characteristic")
            @RequestParam(required = false) @Nullable Characteristic characteristic,
            @RequestParam(required = false) @Nullable MaturityLevel level,
            @Valid @ParameterObject PageParams page) {
        if (ids != null) {
            if (region != null || country != null || interest != null || characteristic != null || level != null) {
                return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "city.idsOrFilters"));
            }
            return byIds(ids);
        }
        if ((characteristic == null) != (level == null)) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "city.levelFilterPair"));
        }
        return cities.list(new CityFilter(region, country, interest, characteristic, level), page)
                .map(result -> result.map(CityView::of));
    }

    private Mono<PageResponse<CityView>> byIds(List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        return cities.getAll(distinct).collectMap(city -> city.id(), CityView::of)
                .map(found -> {
                    List<CityView> items = distinct.stream().filter(found::containsKey).map(found::get).toList();
                    return new PageResponse<>(items, 0, Math.max(distinct.size(), 1), items.size());
                });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One city's public profile")
    Mono<CityView> get(@PathVariable @Slug String id) {
        ExchangeCreditSource source = credits.getIfAvailable();
        return cities.get(id).flatMap(city -> source == null ? Mono.just(CityView.of(city))
                : source.creditsOf(city).defaultIfEmpty(ExchangeCredits.NONE).map(found -> CityView.of(city, found)));
    }

    @PostMapping
    @Operation(summary = "Create a city (curators and admins)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new city",
            headers = @Header(name = "Location", description = "/api/v1/cities/{id}", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    Mono<ResponseEntity<CityView>> create(@Valid @RequestBody CityInput request, CurrentUser user) {
        return cities.create(request.id(), request.profile(), user)
                .map(city -> ResponseEntity.created(URI.create("/api/v1/cities/" + city.id())).body(CityView.of(city)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a city (its own editors, curators, admins)",
            description = "Send back what GET returned, changed, with the version you read. A stale version answers 409.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CityView> update(@PathVariable @Slug String id, @Valid @RequestBody CityInput request, CurrentUser user) {
        var refused = Replacements.problem(id, request.id(), request.version());
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        return cities.update(id, request.version(), request.profile(), user).map(CityView::of);
    }
}
