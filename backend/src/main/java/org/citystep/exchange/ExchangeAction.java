package org.citystep.exchange;

/** What a caller may do with an exchange now; the API lists them in {@code canAct}. */
public enum ExchangeAction {
    ACCEPT, DECLINE, PROPOSE_DATES, AGREE_DATE, CANCEL, INVITE_EXPERT, ANSWER_INVITE, POST_MESSAGE,
    RECORD_OUTCOME, MAKE_DRAFT
}
