package org.citystep.cluster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One suggestion of one generation, keyed {@code <generation>:<rank, zero-padded>}: a page is a
 * look-up of known ids, which even the embedded MongoDB server (only an {@code _id} index) answers
 * without scanning.
 */
@Document("cluster_suggestions")
record StoredSuggestion(@Id String id, ClusterSuggestion suggestion) {

    static String key(String generation, int rank) {
        return generation + ":" + String.format("%07d", rank);
    }
}
