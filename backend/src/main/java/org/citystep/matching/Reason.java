package org.citystep.matching;

/** One sentence of a match's explanation, in English and Simplified Chinese, saying the same thing. */
public record Reason(String en, String zh) {
}
