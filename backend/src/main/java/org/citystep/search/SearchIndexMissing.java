package org.citystep.search;

/** A write found index {@code index} gone (a wiped cluster): create it again and rebuild it. */
record SearchIndexMissing(String index) {
}
