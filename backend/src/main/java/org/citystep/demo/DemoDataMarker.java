package org.citystep.demo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Written last when a demo data set has loaded completely. */
@Document("demo_data")
record DemoDataMarker(@Id String id, int cities) {
}
