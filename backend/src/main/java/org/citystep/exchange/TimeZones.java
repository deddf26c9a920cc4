package org.citystep.exchange;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * The IANA time zone of a city, from its country: a city profile has no time zone of its own, so it
 * is the first canonical location zone ICU lists for the country ({@code CN} → Asia/Shanghai,
 * {@code NL} → Europe/Amsterdam; aliases such as Asia/Chongqing are not locations of their own).
 * Countries spanning several zones whose first one is not where most people live take their main
 * zone ({@link #MAIN_ZONES}: Spain is Europe/Madrid, not Africa/Ceuta). Built once at start for every
 * country, so a request only looks it up (ICU reads its data files on first use). Countries ICU does
 * not know fall back to UTC.
 */
@Component
class TimeZones {

    static final String UTC = "UTC";

    /** Where the first zone in alphabetical order is not the country's main one. */
    static final Map<String, String> MAIN_ZONES = Map.ofEntries(
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("AU", "Australia/Sydney"),
            Map.entry("BR", "America/Sao_Paulo"), Map.entry("CA", "America/Toronto"), Map.entry("CL", "America/Santiago"),
            Map.entry("EC", "America/Guayaquil"), Map.entry("ES", "Europe/Madrid"), Map.entry("ID", "Asia/Jakarta"),
            Map.entry("KZ", "Asia/Almaty"), Map.entry("MX", "America/Mexico_City"), Map.entry("MY", "Asia/Kuala_Lumpur"),
            Map.entry("NZ", "Pacific/Auckland"), Map.entry("PT", "Europe/Lisbon"), Map.entry("RU", "Europe/Moscow"),
            Map.entry("UA", "Europe/Kiev"), Map.entry("US", "America/New_York"));

    private final Map<String, String> byCountry;

    TimeZones() {
        Map<String, String> zones = new HashMap<>();
        for (String country : Locale.getISOCountries()) {
            String main = MAIN_ZONES.get(country);
            if (main != null && known(main)) {
                zones.put(country, main);
                continue;
            }
            for (String id : new TreeSet<>(com.ibm.icu.util.TimeZone.getAvailableIDs(
                    com.ibm.icu.util.TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country, null))) {
                if (known(id)) {
                    zones.put(country, id);
                    break;
                }
            }
        }
        this.byCountry = Map.copyOf(zones);
    }

    /** The zone of a city in {@code country} (ISO 3166-1 alpha-2). */
    String of(String country) {
        return byCountry.getOrDefault(country.toUpperCase(Locale.ROOT), UTC);
    }

    private static boolean known(String id) {
        try {
            ZoneId.of(id);
            return true;
        }
        catch (DateTimeException unknown) {
            return false;
        }
    }
}
