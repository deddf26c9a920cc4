package org.citystep.reference;

/** The indicator sets of the catalogue. */
public enum IndicatorStandard {
    /** The United for Smart Sustainable Cities KPIs (ITU/UNECE). */
    U4SSC,
    /** Indicators for city services and quality of life. */
    ISO_37120,
    /** Indicators for smart cities. */
    ISO_37122,
    /** Indicators for resilient cities. */
    ISO_37123
}
