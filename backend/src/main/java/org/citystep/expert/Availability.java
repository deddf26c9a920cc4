package org.citystep.expert;

public enum Availability {
    AVAILABLE,
    LIMITED,
    UNAVAILABLE
}
