package org.citystep.exchange;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One message of an exchange's conversation, plain text as its author wrote it (clients show it as
 * text, never as HTML).
 *
 * @param seq          its place in the conversation, from 1
 * @param authorCityId the author's city, when a city's editor wrote it
 */
@Schema(name = "ExchangeMessage")
public record ExchangeMessage(String id, long seq, String authorName, @Nullable String authorCityId,
        AuthorRole authorRole, String text, Instant createdAt) {

    public enum AuthorRole {
        CITY, EXPERT, CURATOR
    }
}
