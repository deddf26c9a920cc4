package org.citystep.opendata;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.expert.Expert;
import org.citystep.expert.ExpertProfile;
import org.citystep.expert.ExpertService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Approved experts as the expert database shows them to everyone: name, affiliation, country,
 * languages, expertise, availability. Never their e-mail address or phone number.
 */
@Component
class ExpertsExport implements DatasetExport {

    private static final List<String> COLUMNS = List.of("id", "name", "affiliation_en", "affiliation_zh", "country",
            "region", "languages", "characteristics", "service_domains", "availability", "updated_at", "url");

    private final ExpertService experts;

    ExpertsExport(ExpertService experts) {
        this.experts = experts;
    }

    @Override
    public Dataset dataset() {
        return Dataset.EXPERTS;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return experts.approved(since).map(ExpertsExport::row);
    }

    static ExportRow row(Expert expert) {
        ExpertProfile profile = expert.profile();
        ExpertProfile.Expertise expertise = profile.expertise();
        Map<String, String> levels = new LinkedHashMap<>();
        expertise.levels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> levels.put(entry.getKey().name(), entry.getValue().name()));
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", expert.id());
        json.put("name", profile.name());
        json.put("affiliation", profile.affiliation());
        json.put("country", profile.country());
        json.put("region", profile.region().name());
        json.put("languages", profile.languages());
        json.put("expertise", Map.of("characteristics", expertise.characteristics().stream().map(Enum::name).sorted().toList(),
                "serviceDomains", expertise.serviceDomains().stream().map(Enum::name).sorted().toList(), "levels", levels));
        json.put("bio", profile.bio());
        json.put("availability", profile.availability().name());
        json.put("updatedAt", Flat.instant(expert.updatedAt()));
        json.put("url", "/experts?focus=" + expert.id());
        List<@Nullable Object> csv = Arrays.asList(expert.id(), profile.name(), Flat.text(profile.affiliation(), "en"),
                Flat.text(profile.affiliation(), "zh"), profile.country(), profile.region().name(),
                Flat.list(profile.languages()), Flat.sortedList(expertise.characteristics()),
                Flat.sortedList(expertise.serviceDomains()), profile.availability().name(),
                Flat.instant(expert.updatedAt()), "/experts?focus=" + expert.id());
        return new ExportRow(json, csv, expert.updatedAt());
    }
}
