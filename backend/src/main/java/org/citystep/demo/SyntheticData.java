package org.citystep.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.expert.Availability;
import org.citystep.expert.ExpertProfile;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.Slug;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;

/**
 * Plausible cities, case studies and experts for scale tests, the same for the same seed. Pure:
 * it only builds values; {@link DataGenerator} loads them through the services.
 *
 * <p>Levels: per region and rated characteristic, the generated cities get each level in the
 * proportion the pilot cities of that region show (which reproduce Figure 3), rounded by largest
 * remainder, so the proportions hold within one city per level; cities elsewhere follow the pilot
 * cities of both regions together. Which city gets which level follows a hidden per-city maturity
 * plus noise, so a city advanced in one characteristic tends to be advanced in the others.
 */
final class SyntheticData {

    /** Shares of the generated cities: Europe, China, elsewhere. */
    static final double EU_SHARE = 0.45;
    static final double CHINA_SHARE = 0.45;

    /** A generated city and the levels its assessment is to show. */
    record CitySpec(String id, CityProfile profile, Map<Characteristic, MaturityLevel> levels, LocalDate assessedAt) {
    }

    record CaseStudySpec(String id, String cityId, CaseStudyContent content, CaseStudyStatus status,
            boolean bestPractice, List<String> awards) {
    }

    private final long seed;
    private final Map<Region, Map<Characteristic, Map<MaturityLevel, Integer>>> figure3;

    /**
     * @param figure3 per region and characteristic, how many pilot cities are at each level
     */
    SyntheticData(long seed, Map<Region, Map<Characteristic, Map<MaturityLevel, Integer>>> figure3) {
        this.seed = seed;
        this.figure3 = figure3;
    }

    private Random random(String kind, long index) {
        // mixed first: java.util.Random's first draws for neighbouring seeds are alike
        return new Random(new java.util.SplittableRandom(seed * 1_000_003L + kind.hashCode() * 7_919L + index).nextLong());
    }

    // ---------------------------------------------------------------- cities

    /** {@code count} cities whose ids are not in {@code taken}. */
    List<CitySpec> cities(int count, Set<String> taken) {
        Set<String> ids = new HashSet<>(taken);
        int eu = (int) Math.round(count * EU_SHARE);
        int china = (int) Math.round(count * CHINA_SHARE);
        int other = count - eu - china;
        List<CitySpec> all = new ArrayList<>();
        int index = 0;
        for (Region region : List.of(Region.EU, Region.CHINA, Region.OTHER)) {
            int n = region == Region.EU ? eu : region == Region.CHINA ? china : other;
            List<Map<Characteristic, MaturityLevel>> levels = levels(region, n);
            for (int i = 0; i < n; i++) {
                Random r = random("city", index++);
                all.add(city(r, region, levels.get(i), ids));
            }
        }
        return all;
    }

    /** Levels for {@code n} cities of {@code region}, in the region's pilot proportions. */
    List<Map<Characteristic, MaturityLevel>> levels(Region region, int n) {
        Random r = random("levels-" + region, n);
        double[] maturity = new double[n];
        for (int i = 0; i < n; i++) {
            maturity[i] = r.nextGaussian();
        }
        List<Map<Characteristic, MaturityLevel>> levels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            levels.add(new EnumMap<>(Characteristic.class));
        }
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            Map<MaturityLevel, Integer> quota = quotas(counts(region, characteristic), n);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, r);
            int notAssessed = quota.getOrDefault(MaturityLevel.NOT_ASSESSED, 0);
            order.subList(0, notAssessed).forEach(i -> levels.get(i).put(characteristic, MaturityLevel.NOT_ASSESSED));
            List<Integer> rest = new ArrayList<>(order.subList(notAssessed, n));
            double[] score = new double[n];
            for (int i : rest) {
                score[i] = maturity[i] + 0.8 * r.nextGaussian();
            }
            rest.sort((a, b) -> Double.compare(score[a], score[b]));
            int at = 0;
            for (MaturityLevel level : MaturityLevel.values()) {
                if (!level.isAssessed()) {
                    continue;
                }
                for (int k = 0; k < quota.getOrDefault(level, 0); k++) {
                    levels.get(rest.get(at++)).put(characteristic, level);
                }
            }
        }
        return levels;
    }

    /** The pilot counts of a region; elsewhere, those of all pilot cities. */
    Map<MaturityLevel, Integer> counts(Region region, Characteristic characteristic) {
        if (region != Region.OTHER) {
            return figure3.get(region).get(characteristic);
        }
        Map<MaturityLevel, Integer> pooled = new EnumMap<>(MaturityLevel.class);
        figure3.values().forEach(byCharacteristic -> byCharacteristic.get(characteristic)
                .forEach((level, count) -> pooled.merge(level, count, Integer::sum)));
        return pooled;
    }

    /** {@code n} split in the proportions of {@code counts}, by largest remainder. */
    static Map<MaturityLevel, Integer> quotas(Map<MaturityLevel, Integer> counts, int n) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        Map<MaturityLevel, Integer> quota = new EnumMap<>(MaturityLevel.class);
        Map<MaturityLevel, Double> remainder = new EnumMap<>(MaturityLevel.class);
        int given = 0;
        for (var entry : counts.entrySet()) {
            double exact = (double) entry.getValue() * n / total;
            quota.put(entry.getKey(), (int) Math.floor(exact));
            remainder.put(entry.getKey(), exact - Math.floor(exact));
            given += (int) Math.floor(exact);
        }
        List<MaturityLevel> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainder.get(b), remainder.get(a)));
        for (int i = 0; i < n - given; i++) {
            quota.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return quota;
    }

    private CitySpec city(Random r, Region region, Map<Characteristic, MaturityLevel> levels, Set<String> ids) {
        String country;
        List<String> languages = new ArrayList<>();
        Map<String, String> name = new LinkedHashMap<>();
        AdministrativeLevel administrative;
        long population;
        double lat;
        double lon;
        switch (region) {
            case EU -> {
                String[] c = pick(r, EU_COUNTRIES);
                country = c[0];
                languages.add(c[1]);
                if (!c[1].equals("en")) {
                    languages.add("en");
                }
                name.put("en", pick(r, EU_PREFIXES) + pick(r, EU_SUFFIXES));
                administrative = AdministrativeLevel.MUNICIPALITY;
                population = logNormal(r, 120_000, 1.1, 15_000, 3_800_000);
                lat = 36 + r.nextDouble() * 28;
                lon = -9 + r.nextDouble() * 39;
            }
            case CHINA -> {
                country = "CN";
                languages.add(r.nextBoolean() ? "zh" : "zh-CN");
                if (r.nextInt(5) == 0) {
                    languages.add("en");
                }
                String[] first = pick(r, CN_FIRST);
                String[] second = pick(r, CN_SECOND);
                administrative = pick(r, new AdministrativeLevel[] {AdministrativeLevel.PREFECTURE_LEVEL_CITY,
                        AdministrativeLevel.PREFECTURE_LEVEL_CITY, AdministrativeLevel.COUNTY_LEVEL_CITY,
                        AdministrativeLevel.DISTRICT, AdministrativeLevel.NEW_AREA, AdministrativeLevel.SPECIAL_ZONE});
                String suffixZh = switch (administrative) {
                    case DISTRICT -> "区";
                    case NEW_AREA -> "新区";
                    case SPECIAL_ZONE -> "合作区";
                    default -> "市";
                };
                String pinyin = first[1] + second[1].toLowerCase(Locale.ROOT);
                name.put("en", switch (administrative) {
                    case DISTRICT -> pinyin + " District";
                    case NEW_AREA -> pinyin + " New Area";
                    case SPECIAL_ZONE -> pinyin + " Zone";
                    default -> pinyin;
                });
                name.put("zh", first[0] + second[0] + suffixZh);
                population = logNormal(r, 1_500_000, 0.9, 50_000, 25_000_000);
                lat = 20 + r.nextDouble() * 25;
                lon = 98 + r.nextDouble() * 25;
            }
            default -> {
                String[] c = pick(r, OTHER_COUNTRIES);
                country = c[0];
                languages.addAll(Arrays.asList(c[1].split(",")));
                name.put("en", pick(r, OTHER_PREFIXES) + pick(r, OTHER_SUFFIXES));
                administrative = AdministrativeLevel.MUNICIPALITY;
                population = logNormal(r, 400_000, 1.2, 20_000, 20_000_000);
                lat = -40 + r.nextDouble() * 100;
                lon = -120 + r.nextDouble() * 260;
            }
        }
        String id = unique(Slugs.of(name.get("en")), country, ids);
        Set<ServiceDomain> interests = domains(r, 2 + r.nextInt(5));
        String interestList = String.join(", ", interests.stream().map(SyntheticData::words).toList());
        Map<String, String> vision = new LinkedHashMap<>();
        vision.put("en", name.get("en") + " wants to become a liveable, low-carbon and well-connected city. Its smart city "
                + "programme focuses on " + interestList + ", working with residents, companies and universities.");
        if (region == Region.CHINA) {
            vision.put("zh", name.get("zh") + "致力于建设宜居、低碳、互联互通的智慧城市，重点推进"
                    + String.join("、", interests.stream().map(d -> DOMAIN_ZH.get(d)).toList()) + "等领域的建设。");
        }
        CityProfile profile = new CityProfile(name, country, region, population,
                Math.round(population / (300.0 + r.nextInt(4000)) * 10) / 10.0 + 1,
                new CityProfile.Coordinates(round(lat), round(lon)), administrative, languages, vision, interests,
                List.of(new CityProfile.Contact("Smart City Office", Map.of("en", "Smart city programme office",
                        "zh", "智慧城市项目办公室"), "smartcity@" + id + ".example", null)),
                List.of(new CityProfile.Kpi("ISO 37120:2014 18.5",
                        Map.of("en", "Commuters using a travel mode other than a personal vehicle", "zh", "非私家车通勤比例"),
                        (double) (20 + r.nextInt(70)), "%", 2013 + r.nextInt(12), "generated")));
        LocalDate assessedAt = LocalDate.of(2014, 1, 1).plusDays(r.nextInt(365 * 11));
        return new CitySpec(id, profile, levels, assessedAt);
    }

    // ---------------------------------------------------------------- case studies

    /** The {@code index}-th generated case study, of one of {@code cities}; {@code ids} keeps ids unique. */
    CaseStudySpec caseStudy(long index, List<CitySpec> cities, Set<String> ids) {
        Random r = random("case-study", index);
        CitySpec city = cities.get(r.nextInt(cities.size()));
        Region region = city.profile().region();
        List<ServiceDomain> domains = new ArrayList<>();
        List<ServiceDomain> interests = new ArrayList<>(city.profile().interests());
        domains.add(r.nextInt(4) > 0 && !interests.isEmpty() ? interests.get(r.nextInt(interests.size()))
                : pick(r, DOMAINS));
        if (r.nextInt(3) == 0) {
            domains.add(pick(r, DOMAINS));
        }
        ServiceDomain main = domains.get(0);
        String[] topic = pick(r, TOPICS.get(main));
        String[] qualifier = pick(r, QUALIFIERS);
        String cityEn = city.profile().displayName();
        String cityZh = city.profile().name().getOrDefault("zh", cityEn);
        int mode = r.nextInt(100); // < 40 English only, < 75 both, else Chinese body
        boolean english = mode < 75;
        boolean chinese = mode >= 40;
        Map<String, String> title = new LinkedHashMap<>();
        title.put("en", capitalise(topic[0]) + qualifier[0] + " in " + cityEn);
        String[] tech = techFor(r, main);
        int percent = 5 + r.nextInt(45);
        int year = 2012 + r.nextInt(13);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("en", cityEn + " introduced " + topic[0] + " using " + words(tech) + ". Within "
                + (1 + r.nextInt(3)) + " years " + words(main) + " costs fell by " + percent + "% and the service now reaches "
                + (5 + r.nextInt(90)) + "% of residents.");
        Map<String, String> body = new LinkedHashMap<>();
        if (english) {
            body.put("en", "<p>" + summary.get("en") + "</p><h3>What the city did</h3><ul><li>Deployed "
                    + words(tech) + " for " + topic[0] + ".</li><li>Published the data through an open interface.</li>"
                    + "<li>Trained staff and involved residents in testing.</li></ul><p>Smart city energy data transport "
                    + "and service teams shared the platform.</p>");
        }
        if (chinese) {
            title.put("zh", cityZh + topic[1] + qualifier[1]);
            summary.put("zh", cityZh + "利用" + TECH_ZH.getOrDefault(tech[0], "信息技术") + "推进" + topic[1] + "，"
                    + (1 + r.nextInt(3)) + "年内" + DOMAIN_ZH.get(main) + "成本下降" + percent + "%。");
            body.put("zh", "<p>" + summary.get("zh") + "</p><h3>主要做法</h3><ul><li>部署" + TECH_ZH.getOrDefault(tech[0], "信息技术")
                    + "。</li><li>通过开放接口发布数据。</li><li>培训工作人员，邀请市民参与测试。</li></ul>");
        }
        List<CaseStudyContent.Step> steps = steps(r, city.levels());
        String id = unique(Slugs.of(city.id() + " " + topic[0] + qualifier[0]), null, ids);
        int status = r.nextInt(100);
        CaseStudyStatus state = status < 70 ? CaseStudyStatus.PUBLISHED : status < 78 ? CaseStudyStatus.DRAFT
                : status < 85 ? CaseStudyStatus.SUBMITTED : status < 90 ? CaseStudyStatus.CHANGES_REQUESTED
                : status < 95 ? CaseStudyStatus.ARCHIVED : CaseStudyStatus.REJECTED;
        boolean best = state == CaseStudyStatus.PUBLISHED && r.nextInt(20) == 0;
        Set<String> instruments = new LinkedHashSet<>();
        instruments.add(pick(r, region == Region.CHINA ? CN_INSTRUMENTS : region == Region.EU ? EU_INSTRUMENTS : OTHER_INSTRUMENTS));
        if (r.nextBoolean()) {
            instruments.add(pick(r, region == Region.CHINA ? CN_INSTRUMENTS : EU_INSTRUMENTS));
        }
        double baseline = 100 + r.nextInt(900);
        CaseStudyContent content = new CaseStudyContent(title, summary, body, new LinkedHashSet<>(domains), steps,
                pick(r, CaseStudyContent.Stage.values()), LocalDate.of(year, 1 + r.nextInt(12), 1), null,
                new CaseStudyContent.Flags(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                        Arrays.asList(tech).contains("IOT") || Arrays.asList(tech).contains("SENSORS")),
                new LinkedHashSet<>(List.of(pick(r, TARGET_GROUPS), pick(r, TARGET_GROUPS))),
                List.of(new CaseStudyContent.Benefit(null, Map.of("en", capitalise(words(main)) + " cost per resident"),
                        baseline, Math.round(baseline * (100 - percent)) / 100.0, "EUR per year", Math.min(2025, year + 2))),
                new CaseStudyContent.Funding(instruments, (double) (100_000 + r.nextInt(50) * 100_000),
                        region == Region.CHINA ? "CNY" : region == Region.EU ? "EUR" : "USD", (double) (20 + r.nextInt(81))),
                pick(r, BUSINESS_MODELS), new LinkedHashSet<>(Arrays.asList(tech)),
                List.of(new CaseStudyContent.Partner(pick(r, PARTNERS), Map.of("en", "Technology partner"))),
                Map.of(), english ? Map.of("en", "Start small, publish the data, and measure before scaling up.") : Map.of(),
                new CaseStudyContent.Contact("Smart City Office", "smartcity@" + city.id() + ".example"),
                CaseStudyContent.DEFAULT_LICENCE);
        return new CaseStudySpec(id, city.id(), content, state, best, best ? List.of("Generated award " + year) : List.of());
    }

    /**
     * One or two steps, each exactly one level up: mostly the step by which the city reached its
     * current level in the characteristic (what makes it a peer's evidence), otherwise its next step.
     */
    private static List<CaseStudyContent.Step> steps(Random r, Map<Characteristic, MaturityLevel> levels) {
        List<Characteristic> characteristics = new ArrayList<>(Characteristic.ratedOnes());
        Collections.shuffle(characteristics, r);
        int wanted = r.nextInt(4) == 0 ? 2 : 1;
        List<CaseStudyContent.Step> steps = new ArrayList<>();
        for (Characteristic characteristic : characteristics) {
            if (steps.size() == wanted) {
                break;
            }
            MaturityLevel level = levels.getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            if (!level.isAssessed()) {
                continue;
            }
            boolean reached = level.rank() > 0 && (r.nextInt(5) > 0 || level == MaturityLevel.STATE_OF_THE_ART);
            MaturityLevel from = reached ? MaturityLevel.values()[level.ordinal() - 1] : level;
            steps.add(new CaseStudyContent.Step(characteristic, from, from.next().orElseThrow()));
        }
        return steps;
    }

    // ---------------------------------------------------------------- experts

    ExpertProfile expert(long index) {
        Random r = random("expert", index);
        int where = r.nextInt(100);
        Region region = where < 45 ? Region.EU : where < 85 ? Region.CHINA : Region.OTHER;
        String name;
        String country;
        List<String> languages = new ArrayList<>();
        Map<String, String> affiliation = new LinkedHashMap<>();
        if (region == Region.CHINA) {
            String[] family = pick(r, CN_FAMILY);
            String[] given = pick(r, CN_GIVEN);
            name = family[1] + " " + given[1] + " (" + family[0] + given[0] + ")";
            country = "CN";
            languages.add(r.nextBoolean() ? "zh" : "zh-CN");
            if (r.nextInt(3) > 0) {
                languages.add("en");
            }
            String[] first = pick(r, CN_FIRST);
            affiliation.put("en", first[1] + " Institute of Urban Planning and Design");
            affiliation.put("zh", first[0] + "城市规划设计研究院");
        }
        else {
            String[] c = region == Region.EU ? pick(r, EU_COUNTRIES) : pick(r, OTHER_COUNTRIES);
            country = c[0];
            name = pick(r, GIVEN_NAMES) + " " + pick(r, FAMILY_NAMES);
            languages.addAll(Arrays.asList(c[1].split(",")));
            if (!languages.contains("en")) {
                languages.add("en");
            }
            if (r.nextInt(10) == 0) {
                languages.add("zh");
            }
            affiliation.put("en", (region == Region.EU ? pick(r, EU_PREFIXES) + pick(r, EU_SUFFIXES)
                    : pick(r, OTHER_PREFIXES) + pick(r, OTHER_SUFFIXES)) + " University of Applied Sciences");
        }
        Set<Characteristic> characteristics = new LinkedHashSet<>();
        int count = 1 + r.nextInt(3);
        while (characteristics.size() < count) {
            characteristics.add(Characteristic.ratedOnes().get(r.nextInt(Characteristic.ratedOnes().size())));
        }
        Set<ServiceDomain> domains = domains(r, 1 + r.nextInt(3));
        Map<String, String> bio = new LinkedHashMap<>();
        bio.put("en", "Generated expert. Advises cities on " + String.join(", ",
                characteristics.stream().map(SyntheticData::words).toList()) + " in " + String.join(", ",
                domains.stream().map(SyntheticData::words).toList()) + ".");
        return new ExpertProfile(name, affiliation, country, region, languages,
                new ExpertProfile.Expertise(characteristics, domains), bio,
                pick(r, new Availability[] {Availability.AVAILABLE, Availability.AVAILABLE, Availability.LIMITED,
                        Availability.UNAVAILABLE}),
                new ExpertProfile.Contact("expert" + index + "@example.org", null));
    }

    /** Whether the {@code index}-th generated expert is approved (nine in ten) or still proposed. */
    boolean approved(long index) {
        return random("expert-approved", index).nextInt(10) > 0;
    }

    // ---------------------------------------------------------------- helpers

    static String unique(String base, @Nullable String country, Set<String> ids) {
        String slug = base.length() < 2 ? "item" : base;
        if (ids.add(slug)) {
            return slug;
        }
        if (country != null) {
            String withCountry = Slugs.of(slug + " " + country);
            if (withCountry.length() >= 2 && ids.add(withCountry)) {
                return withCountry;
            }
        }
        for (int n = 2;; n++) {
            String suffix = "-" + n;
            String stem = slug.length() + suffix.length() > Slug.MAX_LENGTH
                    ? slug.substring(0, Slug.MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : slug;
            if (ids.add(stem + suffix)) {
                return stem + suffix;
            }
        }
    }

    private static Set<ServiceDomain> domains(Random r, int count) {
        Set<ServiceDomain> set = new LinkedHashSet<>();
        while (set.size() < count) {
            set.add(pick(r, DOMAINS));
        }
        return set;
    }

    private static String[] techFor(Random r, ServiceDomain domain) {
        Set<String> tech = new LinkedHashSet<>();
        String[] preferred = DOMAIN_TECH.getOrDefault(domain, new String[] {"CLOUD", "BIG_DATA"});
        tech.add(pick(r, preferred));
        int more = r.nextInt(3);
        for (int i = 0; i < more; i++) {
            tech.add(pick(r, TECH));
        }
        return tech.toArray(String[]::new);
    }

    private static long logNormal(Random r, double median, double sigma, long min, long max) {
        long value = Math.round(median * Math.exp(sigma * r.nextGaussian()) / 1000) * 1000;
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String words(Enum<?> code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String words(String[] codes) {
        return String.join(" and ", Arrays.stream(codes).map(code -> code.toLowerCase(Locale.ROOT).replace('_', ' ')
                .replace("iot", "IoT").replace("gis", "GIS").replace("network 5g", "5G network")).toList());
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---------------------------------------------------------------- vocabularies

    private static final ServiceDomain[] DOMAINS = Arrays.stream(ServiceDomain.values())
            .filter(d -> d != ServiceDomain.OTHER).toArray(ServiceDomain[]::new);

    private static final String[][] EU_COUNTRIES = {{"NL", "nl"}, {"DE", "de"}, {"DE", "de"}, {"FR", "fr"}, {"FR", "fr"},
        {"ES", "es"}, {"IT", "it"}, {"IT", "it"}, {"PL", "pl"}, {"SE", "sv"}, {"DK", "da"}, {"FI", "fi"}, {"PT", "pt"},
        {"CZ", "cs"}, {"AT", "de"}, {"BE", "nl"}, {"BE", "fr"}, {"IE", "en"}, {"GR", "el"}, {"HU", "hu"}, {"RO", "ro"},
        {"BG", "bg"}, {"HR", "hr"}, {"SK", "sk"}, {"SI", "sl"}, {"LT", "lt"}, {"LV", "lv"}, {"EE", "et"}, {"GB", "en"}};
    private static final String[] EU_PREFIXES = {"Nord", "Sud", "Ost", "West", "Alt", "Neu", "Val", "Mont", "Ber", "Bran",
        "Rosen", "Linden", "Eich", "Wald", "Stein", "Grun", "Hel", "Kal", "Mar", "Sankt", "Porto", "Castel", "Villa", "San",
        "Bella", "Fonte", "Ribe", "Sol", "Lund", "Ham", "Frei", "Kron", "Mal", "Tor", "Oster", "Wester", "Bad", "Lisa",
        "Vila", "Novo"};
    private static final String[] EU_SUFFIXES = {"burg", "heim", "dorf", "stadt", "hausen", "feld", "berg", "bruck", "ville",
        "mont", "court", "ano", "era", "ona", "ica", "ovo", "ava", "ice", "by", "holm", "borg", "vik", "stad", "ford",
        "ton", "field", "chester", "mouth", "haven", "wijk"};
    private static final String[][] OTHER_COUNTRIES = {{"US", "en"}, {"US", "en,es"}, {"BR", "pt"}, {"IN", "hi,en"},
        {"JP", "ja"}, {"KR", "ko"}, {"ZA", "en,af"}, {"AU", "en"}, {"CA", "en,fr"}, {"MX", "es"}, {"SG", "en,zh-SG,ms"},
        {"TR", "tr"}, {"AE", "ar,en"}, {"CL", "es"}, {"NZ", "en,mi"}};
    private static final String[] OTHER_PREFIXES = {"Spring", "Lake", "Green", "Port", "Santa", "Rio", "Nova", "Sun",
        "Oak", "River", "Bay", "Cedar", "Maple", "Eagle", "Silver", "Golden", "Mira", "Costa", "Puerto", "Ash"};
    private static final String[] OTHER_SUFFIXES = {"ville", "field", "port", "view", "dale", " Bay", " City", "ton",
        " Heights", " Springs", " Falls", "wood", " Harbour", "abad", "pur"};
    private static final String[][] CN_FIRST = {{"安", "An"}, {"宝", "Bao"}, {"长", "Chang"}, {"大", "Da"}, {"东", "Dong"},
        {"丰", "Feng"}, {"广", "Guang"}, {"海", "Hai"}, {"合", "He"}, {"华", "Hua"}, {"江", "Jiang"}, {"金", "Jin"},
        {"嘉", "Jia"}, {"兰", "Lan"}, {"临", "Lin"}, {"龙", "Long"}, {"南", "Nan"}, {"宁", "Ning"}, {"平", "Ping"},
        {"青", "Qing"}, {"泉", "Quan"}, {"瑞", "Rui"}, {"三", "San"}, {"上", "Shang"}, {"寿", "Shou"}, {"太", "Tai"},
        {"天", "Tian"}, {"万", "Wan"}, {"温", "Wen"}, {"西", "Xi"}, {"新", "Xin"}, {"兴", "Xing"}, {"徐", "Xu"},
        {"扬", "Yang"}, {"义", "Yi"}, {"永", "Yong"}, {"玉", "Yu"}, {"漳", "Zhang"}, {"肇", "Zhao"}, {"镇", "Zhen"}};
    private static final String[][] CN_SECOND = {{"阳", "Yang"}, {"州", "Zhou"}, {"山", "Shan"}, {"江", "Jiang"},
        {"安", "An"}, {"平", "Ping"}, {"城", "Cheng"}, {"海", "Hai"}, {"宁", "Ning"}, {"德", "De"}, {"昌", "Chang"},
        {"丰", "Feng"}, {"源", "Yuan"}, {"川", "Chuan"}, {"湖", "Hu"}, {"口", "Kou"}, {"兴", "Xing"}, {"泽", "Ze"},
        {"林", "Lin"}, {"河", "He"}, {"门", "Men"}, {"化", "Hua"}, {"明", "Ming"}, {"台", "Tai"}, {"溪", "Xi"}};
    private static final String[][] CN_FAMILY = {{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"},
        {"杨", "Yang"}, {"赵", "Zhao"}, {"黄", "Huang"}, {"周", "Zhou"}, {"吴", "Wu"}, {"徐", "Xu"}, {"孙", "Sun"}};
    private static final String[][] CN_GIVEN = {{"伟", "Wei"}, {"芳", "Fang"}, {"娜", "Na"}, {"敏", "Min"}, {"静", "Jing"},
        {"磊", "Lei"}, {"洋", "Yang"}, {"勇", "Yong"}, {"艳", "Yan"}, {"杰", "Jie"}, {"军", "Jun"}, {"涛", "Tao"},
        {"明", "Ming"}, {"超", "Chao"}, {"华", "Hua"}, {"丽", "Li"}};
    private static final String[] GIVEN_NAMES = {"Anna", "Lukas", "Sofia", "Marco", "Eva", "Jan", "Clara", "Pierre",
        "Elena", "Tomas", "Ingrid", "Mateo", "Laura", "Jonas", "Maria", "Pieter", "Aino", "Luca", "Zofia", "Hugo",
        "Priya", "James", "Aiko", "Min-jun", "Ana", "David"};
    private static final String[] FAMILY_NAMES = {"Müller", "Rossi", "García", "Jansen", "Nowak", "Dubois", "Silva",
        "Andersson", "Nielsen", "Virtanen", "Horvat", "Novak", "Kowalski", "Fischer", "Moreau", "Costa", "Papadopoulos",
        "Kovacs", "Smith", "Tanaka", "Kim", "Sharma", "Oliveira", "Brown"};
    private static final String[] EU_INSTRUMENTS = {"EU_GRANT", "MUNICIPAL_BUDGET", "PUBLIC_PRIVATE_PARTNERSHIP",
        "GREEN_BOND", "ENERGY_SAVING_PERFORMANCE_CONTRACT", "CROWD_FUNDING", "PRIVATE_INVESTMENT", "SOCIAL_IMPACT_BOND",
        "NATIONAL_GOVERNMENT_FUNDING"};
    private static final String[] CN_INSTRUMENTS = {"STATE_OWNED_BANK_FINANCING", "LOCAL_GOVERNMENT_FINANCING_VEHICLE",
        "NATIONAL_GOVERNMENT_FUNDING", "LAND_SALES", "PUBLIC_PRIVATE_PARTNERSHIP", "JOINT_VENTURE", "MUNICIPAL_BUDGET",
        "FOREIGN_INVESTMENT"};
    private static final String[] OTHER_INSTRUMENTS = {"MUNICIPAL_BUDGET", "PUBLIC_PRIVATE_PARTNERSHIP", "GREEN_BOND",
        "PRIVATE_INVESTMENT", "NATIONAL_GOVERNMENT_FUNDING", "TAX_INCREMENT_FINANCING"};
    private static final String[] BUSINESS_MODELS = {"BUILD_OPERATE", "BUILD_TRANSFER_OPERATE", "BUILD_TRANSFER",
        "CLOUD_PAY_AS_YOU_GO", "DATA_REVENUE", "PILOT_PROJECT", "SMARTER_PROCUREMENT", "TELECOM_PROFIT_SHARING",
        "NETWORK_ACCESS_FEES", "REVENUE_SHARING", "OUTSOURCING", "BEHAVIOURAL_INCENTIVES"};
    private static final String[] TECH = {"BROADBAND", "WIRELESS_BROADBAND", "NETWORK_5G", "IOT", "SENSORS",
        "VIDEO_MONITORING", "SMART_PERSONAL_DEVICES", "CLOUD", "BIG_DATA", "DATA_CENTRE", "GIS", "OPEN_API",
        "OPEN_STANDARDS", "OPEN_DATA_PLATFORM", "SMART_GRID", "SMART_METERING", "SIMULATION_AND_GAMING", "CROWDSOURCING"};
    private static final Map<String, String> TECH_ZH = Map.ofEntries(Map.entry("BROADBAND", "宽带网络"),
            Map.entry("WIRELESS_BROADBAND", "无线宽带"), Map.entry("NETWORK_5G", "5G网络"), Map.entry("IOT", "物联网"),
            Map.entry("SENSORS", "传感器"), Map.entry("VIDEO_MONITORING", "视频监控"), Map.entry("CLOUD", "云计算"),
            Map.entry("BIG_DATA", "大数据"), Map.entry("GIS", "地理信息系统"), Map.entry("OPEN_DATA_PLATFORM", "开放数据平台"),
            Map.entry("SMART_GRID", "智能电网"), Map.entry("SMART_METERING", "智能计量"), Map.entry("OPEN_API", "开放接口"));
    private static final Map<ServiceDomain, String[]> DOMAIN_TECH = Map.of(
            ServiceDomain.ENERGY_UTILITIES, new String[] {"SMART_GRID", "SMART_METERING", "IOT"},
            ServiceDomain.TRANSPORTATION, new String[] {"SENSORS", "VIDEO_MONITORING", "OPEN_API", "GIS"},
            ServiceDomain.OPEN_DATA, new String[] {"OPEN_DATA_PLATFORM", "OPEN_API", "BIG_DATA"},
            ServiceDomain.WATER, new String[] {"SENSORS", "SMART_METERING", "GIS"},
            ServiceDomain.HEALTH, new String[] {"CLOUD", "SMART_PERSONAL_DEVICES", "BIG_DATA"},
            ServiceDomain.PUBLIC_SERVICES, new String[] {"CLOUD", "OPEN_API", "BROADBAND"},
            ServiceDomain.ENVIRONMENT, new String[] {"SENSORS", "IOT", "OPEN_DATA_PLATFORM"});
    private static final String[] TARGET_GROUPS = {"CITIZENS", "BUSINESSES", "CITY_ADMINISTRATION",
        "PUBLIC_SERVICE_PROVIDERS", "OLDER_PEOPLE", "COMMUTERS", "STUDENTS", "VISITORS"};
    private static final String[] PARTNERS = {"Urban Data Lab (generated)", "Metro Utilities (generated)",
        "City Telecom (generated)", "Regional University (generated)", "GreenGrid Ltd (generated)"};
    private static final String[][] QUALIFIERS = {{"", ""}, {" pilot", "试点"}, {" city-wide rollout", "全面推广"},
        {" phase two", "二期工程"}, {" for older residents", "（面向老年人）"}, {" with open data", "（开放数据）"},
        {" in new districts", "（新城区）"}, {" programme", "计划"}};
    private static final Map<ServiceDomain, String> DOMAIN_ZH = new EnumMap<>(Map.ofEntries(
            Map.entry(ServiceDomain.EDUCATION, "智慧教育"), Map.entry(ServiceDomain.ECONOMIC_STIMULUS, "经济发展"),
            Map.entry(ServiceDomain.ENVIRONMENT, "环境保护"), Map.entry(ServiceDomain.ENERGY_UTILITIES, "能源与公用事业"),
            Map.entry(ServiceDomain.FOOD_SAFETY, "食品安全"), Map.entry(ServiceDomain.HEALTH, "医疗卫生"),
            Map.entry(ServiceDomain.INTELLIGENT_BUILDINGS, "智能建筑"), Map.entry(ServiceDomain.LOGISTICS, "物流"),
            Map.entry(ServiceDomain.COMMUNITY_DEVELOPMENT, "社区发展"), Map.entry(ServiceDomain.OPEN_DATA, "开放数据"),
            Map.entry(ServiceDomain.PREVENTION, "公共安全"), Map.entry(ServiceDomain.PUBLIC_SERVICES, "公共服务"),
            Map.entry(ServiceDomain.TRANSPORTATION, "交通出行"), Map.entry(ServiceDomain.WASTE_MANAGEMENT, "垃圾处理"),
            Map.entry(ServiceDomain.WATER, "水务"), Map.entry(ServiceDomain.OTHER, "其他")));
    private static final Map<ServiceDomain, String[][]> TOPICS = new EnumMap<>(Map.ofEntries(
            Map.entry(ServiceDomain.EDUCATION, new String[][] {{"digital classrooms", "数字化课堂"},
                {"school broadband", "校园宽带"}, {"online learning platform", "在线学习平台"}}),
            Map.entry(ServiceDomain.ECONOMIC_STIMULUS, new String[][] {{"start-up innovation hub", "创业创新基地"},
                {"smart business park", "智慧产业园"}, {"digital skills for SMEs", "中小企业数字技能培训"}}),
            Map.entry(ServiceDomain.ENVIRONMENT, new String[][] {{"air quality monitoring", "空气质量监测"},
                {"urban noise sensors", "城市噪声监测"}, {"green roof programme", "屋顶绿化"}}),
            Map.entry(ServiceDomain.ENERGY_UTILITIES, new String[][] {{"smart grid", "智能电网"},
                {"smart energy metering", "智能电表"}, {"district heating optimisation", "区域供热优化"},
                {"smart street lighting", "智慧路灯"}}),
            Map.entry(ServiceDomain.FOOD_SAFETY, new String[][] {{"food traceability", "食品溯源"},
                {"market inspection app", "市场检查应用"}}),
            Map.entry(ServiceDomain.HEALTH, new String[][] {{"telecare for older people", "远程居家养老"},
                {"electronic health records", "电子健康档案"}, {"hospital appointment app", "医院预约挂号"}}),
            Map.entry(ServiceDomain.INTELLIGENT_BUILDINGS, new String[][] {{"building energy management", "建筑能源管理"},
                {"smart public buildings", "智慧公共建筑"}}),
            Map.entry(ServiceDomain.LOGISTICS, new String[][] {{"urban freight consolidation", "城市货运集中配送"},
                {"smart port logistics", "智慧港口物流"}}),
            Map.entry(ServiceDomain.COMMUNITY_DEVELOPMENT, new String[][] {{"neighbourhood participation platform", "社区参与平台"},
                {"smart community service centre", "智慧社区服务中心"}}),
            Map.entry(ServiceDomain.OPEN_DATA, new String[][] {{"open data portal", "政府数据开放平台"},
                {"open transport data", "交通数据开放"}, {"data app contest", "数据应用大赛"}}),
            Map.entry(ServiceDomain.PREVENTION, new String[][] {{"flood early warning", "洪水预警"},
                {"emergency response centre", "应急指挥中心"}}),
            Map.entry(ServiceDomain.PUBLIC_SERVICES, new String[][] {{"one-stop e-government", "一站式政务服务"},
                {"citizen service card", "市民卡"}, {"digital permits", "电子证照"}}),
            Map.entry(ServiceDomain.TRANSPORTATION, new String[][] {{"smart parking guidance", "智能停车诱导"},
                {"adaptive traffic signals", "自适应交通信号"}, {"real-time bus information", "公交实时信息"},
                {"bike sharing", "公共自行车"}, {"electric vehicle charging", "电动汽车充电"}}),
            Map.entry(ServiceDomain.WASTE_MANAGEMENT, new String[][] {{"smart waste collection", "智能垃圾收运"},
                {"recycling incentives", "垃圾分类激励"}}),
            Map.entry(ServiceDomain.WATER, new String[][] {{"smart water metering", "智能水表"},
                {"leak detection", "管网漏损监测"}, {"smart irrigation", "智能灌溉"}}),
            Map.entry(ServiceDomain.OTHER, new String[][] {{"smart city platform", "智慧城市平台"}})));
}
