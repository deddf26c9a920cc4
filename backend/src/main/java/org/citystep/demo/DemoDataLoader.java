package org.citystep.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.citystep.assessment.Answer;
import org.citystep.assessment.AssessmentService;
import org.citystep.city.CityService;
import org.citystep.expert.ExpertService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Loads the demo data set once, through the same services the API uses. */
@Component
class DemoDataLoader {

    static final String RESOURCE = "seed/pilot-cities.json";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataProperties properties;
    private final CityService cities;
    private final AssessmentService assessments;
    private final ExpertService experts;
    private final ReferenceDataService reference;
    private final JsonMapper json;

    DemoDataLoader(DemoDataProperties properties, CityService cities, AssessmentService assessments,
            ExpertService experts, ReferenceDataService reference, JsonMapper json) {
        this.properties = properties;
        this.cities = cities;
        this.assessments = assessments;
        this.experts = experts;
        this.reference = reference;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!properties.enabled()) {
            return;
        }
        SeedFile seed = read();
        cities.count()
                .filter(count -> count == 0)
                .flatMap(empty -> load(seed))
                .subscribe(loaded -> log.info("Loaded the demo data set: {} cities, {} experts", loaded,
                                seed.experts().size()),
                        failure -> log.error("Could not load the demo data set", failure));
    }

    /** Creates every city with its validated assessment, then the experts; completes with the city count. */
    Mono<Long> load(SeedFile seed) {
        return Flux.fromIterable(seed.cities())
                .concatMap(city -> cities.createDemo(city.id(), city.profile())
                        .then(assessments.seedValidated(city.id(), answers(city.assessment()),
                                city.assessment().assessedAt(), "demo-data")))
                .count()
                .flatMap(count -> Flux.fromIterable(seed.experts())
                        .concatMap(expert -> experts.createDemo(expert.id(), expert.profile()))
                        .then(Mono.just(count)));
    }

    /** The criteria that show each target level: every criterion up to it, plus any of the next level met already. */
    List<Answer> answers(SeedFile.SeedAssessment assessment) {
        List<Answer> answers = new ArrayList<>();
        Map<Characteristic, Map<String, String>> evidence = assessment.evidence() == null ? Map.of() : assessment.evidence();
        for (Characteristic characteristic : Characteristic.values()) {
            MaturityLevel target = assessment.levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            boolean answered = characteristic.rated() ? target.isAssessed() : evidence.containsKey(characteristic);
            if (!answered) {
                continue;
            }
            Set<String> met = new TreeSet<>();
            reference.characteristic(characteristic).criteria().stream()
                    .filter(criterion -> criterion.level().rank() <= target.rank())
                    .map(ReferenceData.Criterion::code)
                    .forEach(met::add);
            if (assessment.partialNext() != null) {
                met.addAll(assessment.partialNext().getOrDefault(characteristic, List.of()));
            }
            Map<String, String> text = evidence.get(characteristic);
            Map<String, String> byQuestion = text == null ? Map.of()
                    : Map.of(reference.characteristic(characteristic).questions().get(0).code(), bilingual(text));
            answers.add(new Answer(characteristic, met, byQuestion, List.of()));
        }
        return answers;
    }

    private static String bilingual(Map<String, String> text) {
        String en = text.getOrDefault("en", "");
        String zh = text.getOrDefault("zh", "");
        return zh.isBlank() ? en : en + "\n\n" + zh;
    }

    private SeedFile read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, SeedFile.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
    }
}
