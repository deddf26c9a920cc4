package org.citystep.matching;

import org.citystep.shared.explain.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.i18n.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

/**
 * Explains a match in plain sentences, English and Chinese from the message bundles with the same
 * facts: first the step itself, then the factors that raised the score, largest contribution
 * first, and last what lowered it. A factor that contributed nothing is not mentioned.
 */
@Component
class MatchReasons {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** Project likeness below this is not worth mentioning. */
    private static final double PROJECT_MENTION = 0.25;

    private final ReferenceDataService reference;
    private final Messages messages;
    private final Map<MaturityLevel, Map<String, String>> levelNames;
    private final Map<String, Map<String, String>> domainNames;

    MatchReasons(ReferenceDataService reference, Messages messages) {
        this.reference = reference;
        this.messages = messages;
        this.levelNames = reference.data().levels().stream()
                .collect(Collectors.toMap(ReferenceData.Level::code, ReferenceData.Level::name));
        this.domainNames = reference.data().serviceDomains().stream()
                .collect(Collectors.toMap(ReferenceData.Term::code, ReferenceData.Term::name));
    }

    private record Weighted(double contribution, Reason reason) {
    }

    List<Reason> explain(CityProfile city, Characteristic characteristic, MaturityLevel level, MaturityLevel peerLevel,
            PeerRanking.ScoredPeer scored) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(step(characteristic, level, peerLevel));
        PeerRanking.Facts facts = scored.facts();
        CityProfile peer = scored.peer().profile();
        List<Weighted> positives = new ArrayList<>();
        // further apart, the population still adds a little to the score, but "similar" would be untrue
        if (PeerRanking.similarInSize(facts.populationLikeness())) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.POPULATION * facts.populationLikeness(),
                    messages.both("reason.match.similarSize", language -> new Object[] {
                            inhabitants(peer.population(), language), inhabitants(city.population(), language)})));
        }
        if (facts.sameCountry()) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.PLACE, messages.both("reason.match.sameCountry",
                    language -> new Object[] {country(peer.country(), language)})));
        }
        else if (facts.sameRegion()) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.PLACE * PeerRanking.SAME_REGION_ONLY,
                    messages.both(peer.region() == Region.EU ? "reason.match.sameRegion.EU" : "reason.match.sameRegion.CHINA")));
        }
        if (facts.sameAdministrativeLevel() && peer.administrativeLevel() != null) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.ADMINISTRATIVE, messages.both(
                    "reason.match.sameAdministrativeLevel",
                    new MessageRef("administrativeLevel." + peer.administrativeLevel().name()))));
        }
        if (!facts.sharedInterests().isEmpty()) {
            positives.add(new Weighted(MatchFactors.INTERESTS * scored.factors().interests(), messages.both(
                    "reason.match.sharedInterests", language -> new Object[] {domains(facts.sharedInterests(), language)})));
        }
        if (facts.project() != null && facts.projectLikeness() >= PROJECT_MENTION) {
            Map<String, String> title = facts.project().title();
            positives.add(new Weighted(MatchFactors.PROJECTS * facts.projectLikeness(), messages.both(
                    "reason.match.similarProject", language -> new Object[] {inLanguage(title, language)})));
        }
        if (!facts.evidence().isEmpty()) {
            long best = facts.evidence().stream().filter(e -> e.bestPractice()).count();
            int count = facts.evidence().size();
            boolean atTheTop = peerLevel == level;
            positives.add(new Weighted(MatchFactors.EVIDENCE * scored.factors().evidence(), messages.both(
                    atTheTop ? "reason.match.evidenceAtTheTop" : "reason.match.evidence",
                    language -> new Object[] {count, levelName(level, language), levelName(peerLevel, language),
                            characteristicName(characteristic, language), best})));
        }
        if (facts.evenlyAhead()) {
            positives.add(new Weighted(MatchFactors.BALANCE * scored.factors().balance(), messages.both("reason.match.balanced")));
        }
        org.citystep.exchange.PeerResponsiveness answering = facts.answering();
        double responsiveness = scored.factors().responsiveness();
        if (answering != null && responsiveness > MatchFactors.NEUTRAL) {
            long hours = answering.medianHours() == null ? 0 : Math.round(answering.medianHours());
            positives.add(new Weighted(MatchFactors.RESPONSIVENESS * (responsiveness - MatchFactors.NEUTRAL),
                    messages.both("reason.match.responsive", answering.answered(), answering.asked(), hours)));
        }
        positives.stream().sorted(Comparator.comparingDouble(Weighted::contribution).reversed())
                .forEach(weighted -> reasons.add(weighted.reason()));
        if (!facts.farAhead().isEmpty()) {
            // what holds for this peer whatever its place in the list (it may still be the best one)
            reasons.add(messages.both("reason.match.farAhead",
                    language -> new Object[] {characteristics(facts.farAhead(), language)}));
        }
        if (answering != null && responsiveness < MatchFactors.NEUTRAL) {
            reasons.add(messages.both("reason.match.slowToAnswer", answering.answered(), answering.asked()));
        }
        return reasons;
    }

    private Reason step(Characteristic characteristic, MaturityLevel level, MaturityLevel peerLevel) {
        return messages.both(peerLevel == level ? "reason.match.sameLevelAtTheTop" : "reason.match.oneStepAhead",
                language -> new Object[] {characteristicName(characteristic, language), levelName(peerLevel, language),
                        levelName(level, language)});
    }

    private String levelName(MaturityLevel level, String language) {
        return inLanguage(levelNames.getOrDefault(level, Map.of()), language, level.name());
    }

    private String characteristicName(Characteristic characteristic, String language) {
        return inLanguage(reference.characteristic(characteristic).name(), language, characteristic.name());
    }

    private String characteristics(List<Characteristic> list, String language) {
        return joined(list.stream().map(c -> characteristicName(c, language)).toList(), language);
    }

    private String domains(List<ServiceDomain> list, String language) {
        return joined(list.stream().map(d -> inLanguage(domainNames.getOrDefault(d.name(), Map.of()), language, d.name()))
                .toList(), language);
    }

    /** A list as each language writes one: "a, b and c", "甲、乙和丙". */
    private static String joined(List<String> items, String language) {
        return ListFormatter.getInstance("zh".equals(language) ? ULocale.SIMPLIFIED_CHINESE : ULocale.ENGLISH)
                .format(items);
    }

    private static String country(String code, String language) {
        return "zh".equals(language) ? countryZh(code) : countryEn(code);
    }

    private static String inhabitants(@Nullable Long population, String language) {
        return "zh".equals(language) ? inhabitantsZh(population) : inhabitantsEn(population);
    }

    private static String inLanguage(Map<String, String> texts, String language) {
        return inLanguage(texts, language, "");
    }

    /** The text in {@code language}, else in English, else any. */
    private static String inLanguage(Map<String, String> texts, String language, String fallback) {
        return java.util.Optional.ofNullable(texts.get(language)).or(() -> java.util.Optional.ofNullable(texts.get("en")))
                .or(() -> texts.values().stream().findFirst()).orElse(fallback);
    }

    private static String countryEn(String code) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
        return NAMED_WITH_THE.contains(code) ? "the " + name : name;
    }

    /** Countries whose English name takes "the" in a sentence. */
    private static final java.util.Set<String> NAMED_WITH_THE = java.util.Set.of("NL", "GB", "US", "AE", "PH", "CZ",
            "DO", "CF", "BS", "GM", "MV", "SC");

    private static String countryZh(String code) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(CHINESE);
    }

    static String inhabitantsEn(@Nullable Long population) {
        if (population == null) {
            return "unknown";
        }
        if (population >= 1_000_000) {
            return trimmed(population / 1_000_000.0) + " million";
        }
        return String.format(Locale.ENGLISH, "%,d", population);
    }

    static String inhabitantsZh(@Nullable Long population) {
        if (population == null) {
            return "未知";
        }
        if (population >= 10_000) {
            return trimmed(population / 10_000.0) + "万";
        }
        return population.toString();
    }

    private static String trimmed(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
