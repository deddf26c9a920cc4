package org.citystep.city;

/** World region, as the white paper compares them. */
public enum Region {
    EU, CHINA, OTHER
}
