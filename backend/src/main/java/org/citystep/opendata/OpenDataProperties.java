package org.citystep.opendata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stampTtl how long a dataset's record count and last change are reused before they are
 *                 counted again (a pass over the dataset); ETag and {@code Last-Modified} lag a
 *                 change by at most this long
 * @param baseUrl  the public address of the app, for the absolute links the catalogue needs
 */
@ConfigurationProperties("citystep.open-data")
public record OpenDataProperties(@DefaultValue("60s") Duration stampTtl,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
