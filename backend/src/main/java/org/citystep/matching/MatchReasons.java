package org.citystep.matching;

import org.citystep.shared.explain.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Explains a match in plain sentences, English and Chinese built from the same facts: first the
 * step itself, then the factors that raised the score, largest contribution first, and last what
 * lowered it. A factor that contributed nothing is not mentioned.
 */
@Component
class MatchReasons {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** Project likeness below this is not worth mentioning. */
    private static final double PROJECT_MENTION = 0.25;
    private static final Map<AdministrativeLevel, String[]> KINDS = Map.of(
            AdministrativeLevel.MUNICIPALITY, new String[] {"municipality", "市"},
            AdministrativeLevel.DISTRICT, new String[] {"district", "区"},
            AdministrativeLevel.NEW_AREA, new String[] {"new area", "新区"},
            AdministrativeLevel.SPECIAL_ZONE, new String[] {"special zone", "特区"},
            AdministrativeLevel.PREFECTURE_LEVEL_CITY, new String[] {"prefecture-level city", "地级市"},
            AdministrativeLevel.COUNTY_LEVEL_CITY, new String[] {"county-level city", "县级市"});

    private final ReferenceDataService reference;
    private final Map<MaturityLevel, Map<String, String>> levelNames;
    private final Map<String, Map<String, String>> domainNames;

    MatchReasons(ReferenceDataService reference) {
        this.reference = reference;
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
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.POPULATION * facts.populationLikeness(), new Reason(
                    "Similar in size: " + inhabitantsEn(peer.population()) + " inhabitants, against your "
                            + inhabitantsEn(city.population()) + ".",
                    "规模相近：人口" + inhabitantsZh(peer.population()) + "，贵市为" + inhabitantsZh(city.population()) + "。")));
        }
        if (facts.sameCountry()) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.PLACE, new Reason(
                    "Also in " + countryEn(peer.country()) + ".", "同样位于" + countryZh(peer.country()) + "。")));
        }
        else if (facts.sameRegion()) {
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.PLACE * PeerRanking.SAME_REGION_ONLY, peer.region() == Region.EU
                    ? new Reason("Also in the European Union.", "同属欧盟。")
                    : new Reason("Also in China.", "同样位于中国。")));
        }
        if (facts.sameAdministrativeLevel() && peer.administrativeLevel() != null) {
            String[] kind = KINDS.get(peer.administrativeLevel());
            positives.add(new Weighted(MatchFactors.CONTEXT * PeerRanking.ADMINISTRATIVE, new Reason(
                    "The same kind of administrative unit: a " + kind[0] + ".", "行政级别相同：均为" + kind[1] + "。")));
        }
        if (!facts.sharedInterests().isEmpty()) {
            positives.add(new Weighted(MatchFactors.INTERESTS * scored.factors().interests(), new Reason(
                    "Works on the same service domains as you: " + domains(facts.sharedInterests(), "en", ", ") + ".",
                    "与贵市关注相同的服务领域：" + domains(facts.sharedInterests(), "zh", "、") + "。")));
        }
        if (facts.project() != null && facts.projectLikeness() >= PROJECT_MENTION) {
            Map<String, String> title = facts.project().title();
            positives.add(new Weighted(MatchFactors.PROJECTS * facts.projectLikeness(), new Reason(
                    "Runs projects like yours: its case study “" + inLanguage(title, "en") + "” resembles your own.",
                    "开展的项目与贵市相似：其案例《" + inLanguage(title, "zh") + "》与贵市的案例相近。")));
        }
        if (!facts.evidence().isEmpty()) {
            long best = facts.evidence().stream().filter(e -> e.bestPractice()).count();
            int count = facts.evidence().size();
            boolean atTheTop = peerLevel == level;
            String stepEn = atTheTop ? "reaching " + levelName(peerLevel, "en")
                    : "the step from " + levelName(level, "en") + " to " + levelName(peerLevel, "en");
            String stepZh = atTheTop ? "达到" + levelName(peerLevel, "zh")
                    : "从" + levelName(level, "zh") + "提升到" + levelName(peerLevel, "zh");
            positives.add(new Weighted(MatchFactors.EVIDENCE * scored.factors().evidence(), new Reason(
                    count + (count == 1 ? " published case study shows " : " published case studies show ") + stepEn
                            + " in " + characteristicName(characteristic, "en")
                            + (best > 0 ? " (" + best + " of them best practice)." : "."),
                    "有" + count + "个已发布案例展示了在" + characteristicName(characteristic, "zh") + "方面" + stepZh
                            + (best > 0 ? "（其中" + best + "个为最佳实践）。" : "。"))));
        }
        if (facts.evenlyAhead()) {
            positives.add(new Weighted(MatchFactors.BALANCE * scored.factors().balance(), new Reason(
                    "A balanced profile: nowhere more than one level ahead of you, so its experience is within reach.",
                    "发展均衡：其他方面领先贵市均不超过一级，经验易于借鉴。")));
        }
        positives.stream().sorted(Comparator.comparingDouble(Weighted::contribution).reversed())
                .forEach(weighted -> reasons.add(weighted.reason()));
        if (!facts.farAhead().isEmpty()) {
            // what holds for this peer whatever its place in the list (it may still be the best one)
            reasons.add(new Reason(
                    "Two or more levels ahead of you in " + characteristics(facts.farAhead(), "en", ", ")
                            + ", which makes its experience there a bigger step to copy.",
                    "在" + characteristics(facts.farAhead(), "zh", "、")
                            + "方面领先贵市两级或以上，这方面的经验较难一步借鉴。"));
        }
        return reasons;
    }

    private Reason step(Characteristic characteristic, MaturityLevel level, MaturityLevel peerLevel) {
        String nameEn = characteristicName(characteristic, "en");
        String nameZh = characteristicName(characteristic, "zh");
        if (peerLevel == level) {
            return new Reason("Also " + levelName(level, "en") + " in " + nameEn
                    + ": there is no higher level, so peers at the top learn from each other.",
                    "在" + nameZh + "方面同为" + levelName(level, "zh") + "：已无更高一级，可与同级城市互相学习。");
        }
        return new Reason("One step ahead of you in " + nameEn + ": " + levelName(peerLevel, "en")
                + ", where you are " + levelName(level, "en") + ".",
                "在" + nameZh + "方面领先贵市一级：" + levelName(peerLevel, "zh") + "（贵市为" + levelName(level, "zh") + "）。");
    }

    private String levelName(MaturityLevel level, String language) {
        return inLanguage(levelNames.getOrDefault(level, Map.of()), language, level.name());
    }

    private String characteristicName(Characteristic characteristic, String language) {
        return inLanguage(reference.characteristic(characteristic).name(), language, characteristic.name());
    }

    private String characteristics(List<Characteristic> list, String language, String separator) {
        return list.stream().map(c -> characteristicName(c, language)).collect(Collectors.joining(separator));
    }

    private String domains(List<ServiceDomain> list, String language, String separator) {
        return list.stream().map(d -> inLanguage(domainNames.getOrDefault(d.name(), Map.of()), language, d.name()))
                .collect(Collectors.joining(separator));
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
