package org.citystep.city;

import java.time.Clock;

import org.citystep.search.SearchIndexer;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Reads and writes cities; the ownership rule for writes is enforced here, not only on routes. */
@Service
public class CityService {

    private final Cities cities;
    private final SearchIndexer indexer;
    private final Clock clock;

    CityService(Cities cities, SearchIndexer indexer, Clock clock) {
        this.cities = cities;
        this.indexer = indexer;
        this.clock = clock;
    }

    public Mono<City> get(String id) {
        return cities.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("city", id)));
    }

    public Mono<PageResponse<City>> list(CityFilter filter, PageParams page) {
        return cities.findFiltered(filter, page.toPageRequest(Sort.by("id")))
                .map(result -> new PageResponse<>(result.getContent(), page.page(), page.size(), result.getTotalElements()));
    }

    /** Creates a city under {@code requestedId}, or under a slug of its English name. */
    public Mono<City> create(@Nullable String requestedId, CityProfile profile, CurrentUser user) {
        if (!user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("Only curators and admins create cities."));
        }
        String id = requestedId != null ? requestedId : Slugs.of(profile.englishName());
        if (id.length() < 2) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED,
                    "No id can be derived from the English name '" + profile.englishName() + "'; send an id."));
        }
        return cities.insert(City.create(id, profile, clock.instant()))
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("A city with id '" + id + "' exists already."))
                .flatMap(this::indexed);
    }

    /**
     * Replaces the profile of city {@code id} if it is still at {@code expectedVersion}; a concurrent
     * change between read and save is caught by the document version as well.
     */
    public Mono<City> update(String id, long expectedVersion, CityProfile profile, CurrentUser user) {
        if (!user.mayEditCity(id)) {
            return Mono.error(ApiException.forbidden(user.cityId()
                    .map(own -> "You can edit only your own city (" + own + "), not '" + id + "'.")
                    .orElse("You are not allowed to edit city '" + id + "'.")));
        }
        return get(id)
                .flatMap(city -> {
                    if (city.version() != expectedVersion) {
                        return Mono.error(ApiException.staleVersion("city", id, expectedVersion, city.version()));
                    }
                    city.update(profile, clock.instant());
                    return cities.save(city);
                })
                .flatMap(this::indexed);
    }

    private Mono<City> indexed(City city) {
        return indexer.index(CitySearchDocument.INDEX, city.id(), city.version(), CitySearchDocument.of(city))
                .thenReturn(city);
    }
}
