package org.citystep.casestudy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The rich text a case study body may hold: paragraphs, lists, emphasis, sub-headings and links
 * (http/https, opened with {@code rel="nofollow noopener"}). Everything else is removed on write, so
 * what is stored is safe to render.
 */
final class RichText {

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "ul", "ol", "li", "strong", "em", "h3", "h4", "blockquote", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private RichText() {
    }

    static String sanitise(String html) {
        return Jsoup.clean(html, ALLOWED);
    }

    static Map<String, String> sanitise(Map<String, String> byLanguage) {
        Map<String, String> clean = new LinkedHashMap<>();
        byLanguage.forEach((language, html) -> clean.put(language, sanitise(html)));
        return clean;
    }
}
