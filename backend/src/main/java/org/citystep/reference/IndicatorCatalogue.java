package org.citystep.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator catalogue city KPIs are chosen from (U4SSC, ISO 37120, ISO 37122, ISO 37123), read
 * once at start-up from {@value #RESOURCE}. It is small, so it is held in memory.
 */
@Service
public class IndicatorCatalogue {

    static final String RESOURCE = "reference/indicators.json";

    /** The data file: a note, the sources cited, the indicators. */
    record File(String note, List<IndicatorSource> sources, List<Indicator> indicators) {
    }

    /** A public source the numbers and titles come from. */
    public record IndicatorSource(String id, IndicatorStandard standard, String title, String url, List<String> also) {
    }

    private final Map<String, Indicator> byCode = new LinkedHashMap<>();
    private final List<IndicatorSource> sources;

    IndicatorCatalogue(JsonMapper jsonMapper) {
        File file;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            file = jsonMapper.readValue(in.readAllBytes(), File.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
        this.sources = List.copyOf(file.sources());
        var sourceIds = sources.stream().map(IndicatorSource::id).toList();
        for (Indicator indicator : file.indicators()) {
            if (byCode.put(indicator.code(), indicator) != null) {
                throw new IllegalStateException(RESOURCE + " lists " + indicator.code() + " twice");
            }
            if (!sourceIds.contains(indicator.source())) {
                throw new IllegalStateException(indicator.code() + " cites an unknown source " + indicator.source());
            }
            if (!indicator.title().containsKey("en") || !indicator.title().containsKey("zh")) {
                throw new IllegalStateException(indicator.code() + " needs titles in en and zh");
            }
        }
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode.get(code.strip()));
    }

    public List<IndicatorSource> sources() {
        return sources;
    }

    /**
     * The indicators of {@code standard} and {@code theme} (either may be absent) whose code, number or
     * title in any language contains {@code q}, in catalogue order.
     */
    public List<Indicator> search(@Nullable IndicatorStandard standard, @Nullable String theme, @Nullable String q) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return byCode.values().stream()
                .filter(i -> standard == null || i.standard() == standard)
                .filter(i -> theme == null || i.theme().equalsIgnoreCase(theme))
                .filter(i -> needle.isEmpty() || i.code().toLowerCase(Locale.ROOT).contains(needle)
                        || i.title().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle)))
                .toList();
    }
}
