package org.citystep.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The features' {@link SearchDocuments}, by index: what rebuilds and the catch-up read from MongoDB. */
@Component
class SearchSources {

    private final Map<String, SearchDocuments> byIndex;

    SearchSources(List<SearchDocuments> declared) {
        this.byIndex = declared.stream().collect(Collectors.toUnmodifiableMap(SearchDocuments::index, Function.identity()));
    }

    /** The documents of index {@code name}, if this version of the app has it. */
    Optional<SearchDocuments> of(String name) {
        return Optional.ofNullable(byIndex.get(name));
    }

    List<SearchDocuments> all() {
        return byIndex.values().stream().sorted(Comparator.comparing(SearchDocuments::index)).toList();
    }
}
