package org.citystep.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo data set on start-up when there is no city yet
 */
@ConfigurationProperties("citystep.demo-data")
record DemoDataProperties(boolean enabled) {
}
