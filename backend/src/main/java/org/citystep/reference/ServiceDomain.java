package org.citystep.reference;

/** The 16 smart city service domains of Annex 1 §8. */
public enum ServiceDomain {
    EDUCATION,
    ECONOMIC_STIMULUS,
    ENVIRONMENT,
    ENERGY_UTILITIES,
    FOOD_SAFETY,
    HEALTH,
    INTELLIGENT_BUILDINGS,
    LOGISTICS,
    COMMUNITY_DEVELOPMENT,
    OPEN_DATA,
    PREVENTION,
    PUBLIC_SERVICES,
    TRANSPORTATION,
    WASTE_MANAGEMENT,
    WATER,
    OTHER
}
