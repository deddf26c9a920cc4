package org.citystep.exchange;

/** How the cities meet. */
public enum ExchangeFormat {
    CALL, WEBINAR, STUDY_VISIT, DOCUMENT_EXCHANGE, TWINNING
}
