package org.citystep.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reference data, loaded and checked once at start-up. It is small and immutable, so it is
 * held in memory and its ETag computed once.
 */
@Service
public class ReferenceDataService {

    static final String RESOURCE = "reference/reference-data.json";

    private final ReferenceData data;
    private final String etag;
    private final Map<Characteristic, ReferenceData.CharacteristicEntry> byCharacteristic;
    private final Map<String, ReferenceData.Criterion> criteriaByCode;
    private final Set<String> financingInstruments;
    private final Set<String> businessModels;
    private final Set<String> technologyTags;

    ReferenceDataService(JsonMapper jsonMapper) {
        byte[] bytes = read();
        this.data = jsonMapper.readValue(bytes, ReferenceData.class);
        this.etag = "\"" + sha256(bytes) + "\"";
        this.byCharacteristic = new EnumMap<>(data.characteristics().stream()
                .collect(Collectors.toMap(ReferenceData.CharacteristicEntry::code, Function.identity())));
        this.criteriaByCode = data.characteristics().stream().flatMap(c -> c.criteria().stream())
                .collect(Collectors.toUnmodifiableMap(ReferenceData.Criterion::code, Function.identity()));
        this.financingInstruments = codes(data.financingInstruments());
        this.businessModels = codes(data.businessModels());
        this.technologyTags = codes(data.technologyTags());
        check();
    }

    public ReferenceData data() {
        return data;
    }

    /** A strong validator of the whole document; it changes only when the data file changes. */
    public String etag() {
        return etag;
    }

    public ReferenceData.CharacteristicEntry characteristic(Characteristic characteristic) {
        return byCharacteristic.get(characteristic);
    }

    public Optional<ReferenceData.Criterion> criterion(String code) {
        return Optional.ofNullable(criteriaByCode.get(code));
    }

    /** The criteria of one level of one characteristic, in the paper's order. */
    public List<ReferenceData.Criterion> criteria(Characteristic characteristic, MaturityLevel level) {
        return characteristic(characteristic).criteria().stream().filter(c -> c.level() == level).toList();
    }

    /**
     * The level a set of met criteria shows: the highest level whose criteria, and those of every
     * level below it, are all met. Nothing met is {@link MaturityLevel#NOT_YET_ADDRESSED}.
     */
    public MaturityLevel derivedLevel(Characteristic characteristic, Set<String> criteriaMet) {
        MaturityLevel reached = MaturityLevel.NOT_YET_ADDRESSED;
        for (MaturityLevel level : MaturityLevel.withCriteria()) {
            List<ReferenceData.Criterion> needed = criteria(characteristic, level);
            if (needed.isEmpty() || !needed.stream().allMatch(c -> criteriaMet.contains(c.code()))) {
                break;
            }
            reached = level;
        }
        return reached;
    }

    public boolean isFinancingInstrument(String code) {
        return financingInstruments.contains(code);
    }

    public boolean isBusinessModel(String code) {
        return businessModels.contains(code);
    }

    public boolean isTechnologyTag(String code) {
        return technologyTags.contains(code);
    }

    /** Refuses to start on a data file that does not fit the framework the code relies on. */
    private void check() {
        Set<Characteristic> present = byCharacteristic.keySet();
        if (!present.equals(Set.of(Characteristic.values()))) {
            throw new IllegalStateException(RESOURCE + " lacks characteristics: "
                    + Arrays.stream(Characteristic.values()).filter(c -> !present.contains(c)).toList());
        }
        for (Characteristic characteristic : Characteristic.values()) {
            var entry = characteristic(characteristic);
            if (entry.rated() != characteristic.rated()) {
                throw new IllegalStateException(characteristic + " must have rated=" + characteristic.rated());
            }
            for (MaturityLevel level : MaturityLevel.withCriteria()) {
                if (characteristic.rated() && criteria(characteristic, level).isEmpty()) {
                    throw new IllegalStateException(characteristic + " has no criteria at level " + level);
                }
            }
            entry.criteria().forEach(criterion -> {
                if (!criterion.code().startsWith(characteristic.name() + "." + criterion.level().name() + ".")) {
                    throw new IllegalStateException("Criterion " + criterion.code() + " is misfiled under " + characteristic);
                }
            });
        }
        Set<String> domains = codes(data.serviceDomains());
        Set<String> expected = Arrays.stream(ServiceDomain.values()).map(Enum::name).collect(Collectors.toSet());
        if (!domains.equals(expected)) {
            throw new IllegalStateException(RESOURCE + " service domains differ from the 16 of Annex 1 §8");
        }
    }

    private static Set<String> codes(List<ReferenceData.Term> terms) {
        return terms.stream().map(ReferenceData.Term::code).collect(Collectors.toUnmodifiableSet());
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
