package org.citystep.glossary;

/** What a glossary term names; all but {@link #VOCABULARY} mirror a list of the reference data, by code. */
public enum GlossaryCategory {
    SERVICE_DOMAIN,
    CHARACTERISTIC,
    LEVEL,
    TECHNOLOGY,
    FINANCING,
    BUSINESS_MODEL,
    VOCABULARY
}
