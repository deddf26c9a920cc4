package org.citystep.benchmark.web;

import org.citystep.benchmark.Benchmark;
import org.citystep.benchmark.BenchmarkService;
import org.citystep.security.CurrentUser;
import org.citystep.shared.validation.Slug;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Cities", description = "City profiles")
class BenchmarkController {

    private final BenchmarkService benchmarks;

    BenchmarkController(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
    }

    @GetMapping("/api/v1/cities/{id}/benchmark")
    @Operation(summary = "A city beside its region's median, its peers one step ahead and its clusters' members: "
            + "levels per characteristic and KPIs per catalogued indicator (the city's editors, experts, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Benchmark> benchmark(@PathVariable @Slug String id, CurrentUser user) {
        return benchmarks.benchmark(id, user);
    }
}
