package org.citystep.exchange;

/** Small helpers for texts people wrote, which come in English or Chinese. */
final class Texts {

    private Texts() {
    }

    /** {@code zh} for a text with Chinese characters, else {@code en}. */
    static String language(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh" : "en";
    }

    /** At most {@code max} characters, cut at a code-point boundary with an ellipsis. */
    static String clip(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + "…";
    }
}
