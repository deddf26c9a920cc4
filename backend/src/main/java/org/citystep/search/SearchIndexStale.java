package org.citystep.search;

import java.util.Map;

/** Indexes that do not hold what MongoDB holds on the current mapping, each with why: rebuild them. */
record SearchIndexStale(Map<String, String> reasons) {

    SearchIndexStale {
        reasons = Map.copyOf(reasons);
    }
}
