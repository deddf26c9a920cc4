package org.citystep.shared.explain;

/** One sentence explaining a computed result (a match, a cluster suggestion) in English and Simplified Chinese, saying the same thing. */
public record Reason(String en, String zh) {
}
