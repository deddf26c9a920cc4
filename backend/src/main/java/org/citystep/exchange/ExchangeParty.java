package org.citystep.exchange;

/** One of the two cities of an exchange. */
public enum ExchangeParty {
    ASKING, PEER
}
