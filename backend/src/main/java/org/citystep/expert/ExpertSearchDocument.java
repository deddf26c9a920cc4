package org.citystep.expert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the search read model holds of an expert: never the contact details. Only approved experts
 * are shown to the public (and suggested); shaped by {@code expert/search-mapping.json}.
 */
record ExpertSearchDocument(String type, String expertId, String status, Map<String, String> title, Map<String, String> text,
        String region, String country, List<String> characteristic, List<String> serviceDomain, List<String> language,
        String availability, List<String> suggest) {

    static final String INDEX = "experts";
    static final String TYPE = "expert";

    static ExpertSearchDocument of(Expert expert) {
        ExpertProfile p = expert.profile();
        Map<String, String> text = new LinkedHashMap<>(p.bio());
        p.affiliation().forEach((language, affiliation) -> text.merge(language, affiliation, (a, b) -> a + "\n" + b));
        boolean approved = expert.status() == ExpertStatus.APPROVED;
        return new ExpertSearchDocument(TYPE, expert.id(), expert.status().name(), Map.of("en", p.name()), text, p.region().name(),
                p.country(), p.expertise().characteristics().stream().map(Enum::name).sorted().toList(),
                p.expertise().serviceDomains().stream().map(Enum::name).sorted().toList(),
                org.citystep.shared.language.LanguageTags.primaries(p.languages()),
                p.availability().name(), approved ? List.of(p.name()) : List.of());
    }
}
