package org.citystep.exchange;

import org.jspecify.annotations.Nullable;

/**
 * How a city answered the exchange requests it was sent: how many, how many it answered (accepted,
 * declined or proposed dates), and the median hours to its first answer over its latest answers.
 */
public record PeerResponsiveness(String cityId, long asked, long answered, @Nullable Double medianHours) {
}
