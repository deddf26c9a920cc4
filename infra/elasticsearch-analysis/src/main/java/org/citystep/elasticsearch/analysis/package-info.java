/**
 * Elasticsearch stable-plugin analysis components for CityStep. Each class is a {@code @NamedComponent};
 * {@code src/main/plugin-metadata/named_components.json} lists them for Elasticsearch (a test keeps the
 * two in step).
 */
package org.citystep.elasticsearch.analysis;
