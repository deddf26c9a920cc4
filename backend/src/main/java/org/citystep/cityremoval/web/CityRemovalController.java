package org.citystep.cityremoval.web;

import java.time.Instant;
import java.util.Map;

import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.city.CityState;
import org.citystep.city.Region;
import org.citystep.cityremoval.CityRemovalService;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/cities")
@Tag(name = "Administration")
class CityRemovalController {

    private final CityRemovalService removal;
    private final CityService cities;

    CityRemovalController(CityRemovalService removal, CityService cities) {
        this.removal = removal;
        this.cities = cities;
    }

    @Schema(name = "CityStateChange", example = "{\"version\": 3}")
    record Step(@NotNull @PositiveOrZero Long version) {
    }

    @Schema(name = "ManagedCity", description = "A city as admins manage it, shown or hidden")
    record ManagedCity(String id, long version, Map<String, String> name, String country, Region region,
            @Schema(description = "Absent while shown") @Nullable CityState state, Instant updatedAt) {

        static ManagedCity of(City city) {
            return new ManagedCity(city.id(), city.version(), city.profile().name(), city.profile().country(),
                    city.profile().region(), city.state(), city.updatedAt());
        }
    }

    @GetMapping("/hidden")
    @Operation(summary = "Retired cities and cities being deleted, latest change first (admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<ManagedCity>> hidden(@Valid @ParameterObject PageParams page) {
        return cities.hidden(page).map(result -> result.map(ManagedCity::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One city, shown or hidden, with its state (admins)", security = @SecurityRequirement(name = "bearer"))
    Mono<ManagedCity> get(@PathVariable @Slug String id) {
        return cities.get(id).map(ManagedCity::of);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a city (admins): hidden from lists, search, matching, reports and cluster "
            + "suggestions, kept and restorable", description = "A stale version answers 409.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ManagedCity> retire(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return removal.retire(id, step.version(), user).map(ManagedCity::of);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Show a retired city again (admins)", description = "A stale version answers 409.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ManagedCity> restore(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return removal.restore(id, step.version(), user).map(ManagedCity::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a city created by mistake, with what depends on it (admins)",
            description = "Removes its self-assessments, case studies, cluster memberships and invitations, its "
                    + "search documents, and it from cluster suggestions, matches and reports. `confirm` must repeat "
                    + "the id. The city is hidden at once; if the removal stops halfway, a worker finishes it.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Deleted with everything that depended on it")
    @ApiResponse(responseCode = "202", description = "Hidden; what remains is removed by the deletion worker")
    Mono<ResponseEntity<Void>> delete(@PathVariable @Slug String id, @RequestParam String confirm, CurrentUser user) {
        return removal.delete(id, confirm, user).map(finished -> ResponseEntity
                .status(finished ? HttpStatus.NO_CONTENT : HttpStatus.ACCEPTED).<Void>build());
    }
}
