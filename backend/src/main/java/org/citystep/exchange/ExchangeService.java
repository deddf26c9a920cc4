package org.citystep.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.casestudy.CaseStudy;
import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.cluster.ClusterService;
import org.citystep.expert.ExpertService;
import org.citystep.reference.MaturityLevel;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.explain.Reason;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.i18n.Messages;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Exchange requests and who may do what with them. A city's editors act for their own city only:
 * the asking city's editors ask, propose dates, cancel and record the outcome; the peer's editors
 * accept, decline or propose other dates; either side invites experts; an invited expert answers
 * for itself. Curators and admins read everything, invite experts and write in conversations.
 * Anyone else is told the exchange does not exist (404), on every path.
 */
@Service
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeService {

    private static final Logger log = LoggerFactory.getLogger(ExchangeService.class);

    private final Exchanges exchanges;
    private final ExchangeLists lists;
    private final ExchangeThreads threads;
    private final ExchangeLimits limits;
    private final ExchangeStatistics statistics;
    private final ExchangeEffects effects;
    private final TimeZones zones;
    private final CityService cities;
    private final ClusterService clusters;
    private final CaseStudyService caseStudies;
    private final ExpertService experts;
    private final AuditLog audit;
    private final Messages messages;
    private final ExchangeProperties properties;
    private final Clock clock;

    ExchangeService(Exchanges exchanges, ExchangeLists lists, ExchangeThreads threads, ExchangeLimits limits,
            ExchangeStatistics statistics, ExchangeEffects effects, TimeZones zones, CityService cities,
            ClusterService clusters,
            CaseStudyService caseStudies, ExpertService experts, AuditLog audit, Messages messages,
            ExchangeProperties properties, Clock clock) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.threads = threads;
        this.limits = limits;
        this.statistics = statistics;
        this.effects = effects;
        this.zones = zones;
        this.cities = cities;
        this.clusters = clusters;
        this.caseStudies = caseStudies;
        this.experts = experts;
        this.audit = audit;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** A request as the asking city sends it. */
    public record NewRequest(String askingCityId, String peerCityId, ExchangeStep step, ExchangeFormat format,
            ExchangeOrigin origin, @Nullable String caseStudyId, List<ExchangeSlot> proposedSlots, String message) {
    }

    // ---------------------------------------------------------------- reading

    /** The exchange, for its readers (the two cities' editors, invited experts, curators, admins); 404 for anyone else. */
    public Mono<Exchange> get(String id, CurrentUser user) {
        return exchanges.findById(id)
                .filter(exchange -> ExchangeRules.mayRead(exchange, user))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("exchange", id)));
    }

    /**
     * A page of exchanges, newest request first: a city editor's own city's (asking for another
     * city's is refused), any city's or all for curators and admins, for an expert those it is
     * invited to.
     */
    public Mono<PageResponse<Exchange>> list(@Nullable String cityId, @Nullable ExchangeState state, PageParams page,
            CurrentUser user) {
        String list;
        boolean mayHoldUnreadable = false;
        if (ExchangeRules.isCurator(user)) {
            list = cityId == null ? ExchangeLists.ALL : ExchangeLists.city(cityId);
        }
        else if (user.has(Role.CITY_EDITOR) && user.cityId().isPresent()) {
            String own = user.cityId().get();
            if (cityId != null && !cityId.equals(own)) {
                return Mono.error(ApiException.forbidden("exchange.listOwnOnly", own, cityId));
            }
            list = ExchangeLists.city(own);
        }
        else if (user.has(Role.EXPERT) && user.expertId().isPresent()) {
            if (cityId != null) {
                return Mono.error(ApiException.forbidden("exchange.listInvitedOnly"));
            }
            list = ExchangeLists.expert(user.expertId().get());
            mayHoldUnreadable = true; // an invitation declined
        }
        else {
            return Mono.error(ApiException.forbidden("exchange.listForbidden"));
        }
        boolean filtered = state != null || mayHoldUnreadable;
        return lists.newestFirst(list).flatMap(ids -> filtered ? filteredPage(ids, state, page, user)
                : directPage(ids, page, user));
    }

    /** A page straight from the list: only the page's exchanges are read. */
    private Mono<PageResponse<Exchange>> directPage(List<String> ids, PageParams page, CurrentUser user) {
        int from = (int) Math.min((long) page.page() * page.size(), ids.size());
        int to = Math.min(from + page.size(), ids.size());
        List<String> slice = ids.subList(from, to);
        return inOrder(slice).filter(exchange -> ExchangeRules.mayRead(exchange, user)).collectList()
                .map(items -> new PageResponse<>(items, page.page(), page.size(), ids.size()));
    }

    /** A page of those in a state (or readable): the list's exchanges are read, at most {@link ExchangeLists#MAX_IDS}. */
    private Mono<PageResponse<Exchange>> filteredPage(List<String> ids, @Nullable ExchangeState state, PageParams page,
            CurrentUser user) {
        return inOrder(ids)
                .filter(exchange -> (state == null || exchange.state() == state) && ExchangeRules.mayRead(exchange, user))
                .collectList()
                .map(all -> {
                    int from = (int) Math.min((long) page.page() * page.size(), all.size());
                    int to = Math.min(from + page.size(), all.size());
                    return new PageResponse<>(List.copyOf(all.subList(from, to)), page.page(), page.size(), all.size());
                });
    }

    /** The exchanges with these ids, read by id in one query, in the order of the ids; missing ones left out. */
    private Flux<Exchange> inOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return exchanges.findAllById(ids).collectMap(Exchange::id)
                .flatMapIterable(byId -> ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
    }

    /** The exchanges with both cities (names, time zones), message counts and what the caller may do; one query each. */
    public Mono<List<ExchangeDetails>> describe(List<Exchange> list, CurrentUser user) {
        if (list.isEmpty()) {
            return Mono.just(List.of());
        }
        Set<String> cityIds = new LinkedHashSet<>();
        list.forEach(exchange -> {
            cityIds.add(exchange.askingCityId());
            cityIds.add(exchange.peerCityId());
        });
        Instant now = clock.instant();
        return Mono.zip(cities.getAll(cityIds).collectMap(City::id),
                        threads.counts(list.stream().map(Exchange::id).toList()))
                .map(found -> list.stream().map(exchange -> new ExchangeDetails(exchange,
                        side(exchange.askingCityId(), found.getT1()), side(exchange.peerCityId(), found.getT1()),
                        found.getT2().getOrDefault(exchange.id(), 0L), ExchangeRules.canAct(exchange, user, now),
                        credited(exchange, found.getT1().get(exchange.askingCityId()))))
                        .toList());
    }

    public Mono<ExchangeDetails> describe(Exchange exchange, CurrentUser user) {
        return describe(List.of(exchange), user).map(all -> all.get(0));
    }

    /** Whether the asking city climbed the step after this completed exchange. */
    private static boolean credited(Exchange exchange, @Nullable City asking) {
        ExchangeOutcome outcome = exchange.outcome();
        if (asking == null || outcome == null || exchange.state() != ExchangeState.COMPLETED) {
            return false;
        }
        ExchangeStep step = exchange.step();
        return ExchangeRules.climbedAfter(step.fromLevel(), step.toLevel(), outcome.recordedAt(), asking.assessedAt(),
                asking.levels().getOrDefault(step.characteristic(), MaturityLevel.NOT_ASSESSED));
    }

    private ExchangeSide side(String cityId, Map<String, City> found) {
        City city = found.get(cityId);
        if (city == null) {
            return new ExchangeSide(cityId, Map.of(), TimeZones.UTC);
        }
        return new ExchangeSide(cityId, city.profile().name(), zones.of(city.profile().country()));
    }

    /** The time zone of a city in {@code country}, as the sides of an exchange carry it. */
    public String timeZoneOf(String country) {
        return zones.of(country);
    }

    // ---------------------------------------------------------------- asking

    /**
     * Sends a request. Checked in this order: the caller edits the asking city; the request is well
     * formed; the peer may be asked (one level ahead, the same at the top, or a shared active
     * cluster); the references exist; it was not declined recently; the city has a place for one
     * more open request (taken atomically). Then the request, its first message and its audit entry
     * are written.
     */
    public Mono<Exchange> create(NewRequest request, CurrentUser user) {
        String asking = request.askingCityId();
        String peer = request.peerCityId();
        if (!user.mayEditCity(asking)) {
            return Mono.error(user.cityId()
                    .map(own -> ApiException.forbidden("exchange.askOwnOnly", own, asking))
                    .orElseGet(() -> ApiException.forbidden("exchange.askForbidden")));
        }
        List<Problems.FieldMessage> errors = new ArrayList<>();
        if (asking.equals(peer)) {
            errors.add(Problems.FieldMessage.of("peerCityId", "exchange.field.notYourself"));
        }
        if (!request.step().wellFormed()) {
            errors.add(Problems.FieldMessage.of("step.toLevel", "exchange.field.stepOneLevel"));
        }
        ExchangeOrigin origin = request.origin().kind() == ExchangeOrigin.Kind.MATCH
                ? new ExchangeOrigin(ExchangeOrigin.Kind.MATCH, null) : request.origin();
        if (origin.kind() != ExchangeOrigin.Kind.MATCH && origin.id() == null) {
            errors.add(Problems.FieldMessage.of("origin.id", "exchange.field.originIdRequired"));
        }
        Instant now = clock.instant();
        errors.addAll(slotProblems("proposedSlots", request.proposedSlots(), now));
        if (!errors.isEmpty()) {
            return Mono.error(ApiException.invalid("problem.invalidFields", errors, errors.size()));
        }
        ExchangeStep step = request.step();
        return cities.getAll(List.of(asking, peer)).filter(city -> city.state() == null).collectMap(City::id)
                .flatMap(found -> {
                    List<Problems.FieldMessage> unknown = new ArrayList<>();
                    if (!found.containsKey(asking)) {
                        unknown.add(Problems.FieldMessage.of("askingCityId", "exchange.field.noCity", asking));
                    }
                    if (!found.containsKey(peer)) {
                        unknown.add(Problems.FieldMessage.of("peerCityId", "exchange.field.noCity", peer));
                    }
                    if (!unknown.isEmpty()) {
                        return Mono.error(ApiException.invalid("problem.invalidFields", unknown, unknown.size()));
                    }
                    City askingCity = found.get(asking);
                    City peerCity = found.get(peer);
                    return relation(askingCity, peerCity, step)
                            .flatMap(relation -> references(origin, request.caseStudyId(), user).thenReturn(relation))
                            .flatMap(relation -> open(request, askingCity, peerCity, relation, origin, now, user));
                });
    }

    /**
     * Writes a request that passed every check but those that hold places: the claim on the same
     * request (then whether the peer declined it recently: a decline that closes the claim's last
     * holder is remembered before the claim is given back), a place among the city's open requests,
     * the lists, the first message, and the exchange with its effect. What was taken is given back
     * if a later part fails.
     */
    private Mono<Exchange> open(NewRequest request, City askingCity, City peerCity, ExchangeRelation relation,
            ExchangeOrigin origin, Instant now, CurrentUser user) {
        String asking = askingCity.id();
        String peer = peerCity.id();
        ExchangeStep step = request.step();
        String id = new ObjectId().toHexString();
        Exchange exchange = Exchange.request(id, asking, peer, step, request.format(), origin, request.caseStudyId(),
                relation, request.proposedSlots(), now);
        exchange.effect(effect(null, null, exchange, "exchange.requested", null, null, user));
        Mono<Void> giveBack = limits.releaseOpenPlace(asking, id).then(limits.releaseRequest(asking, peer, step, id));
        // the first message goes before the exchange: a crash in between leaves a thread no one can read
        return limits.claimRequest(asking, peer, step, id)
                .then(notDeclinedRecently(askingCity, peerCity, step, now)
                        .then(limits.takeOpenPlace(asking, id, properties.maxOpenPerCity()))
                        .then(lists.add(List.of(ExchangeLists.city(asking), ExchangeLists.city(peer), ExchangeLists.ALL), id))
                        .then(threads.post(id, user.username(), authorCity(exchange, user), authorRole(exchange, user),
                                request.message(), now))
                        .then(effects.markDue(id))
                        .flatMap(due -> exchanges.insert(exchange).flatMap(saved -> finish(saved, due)))
                        .onErrorResume(failure -> giveBack.then(Mono.error(failure))));
    }

    /** Why a peer may be asked, or the problem that says why not. */
    private Mono<ExchangeRelation> relation(City asking, City peer, ExchangeStep step) {
        MaturityLevel askingLevel = asking.levels().getOrDefault(step.characteristic(), MaturityLevel.NOT_ASSESSED);
        MaturityLevel peerLevel = peer.levels().getOrDefault(step.characteristic(), MaturityLevel.NOT_ASSESSED);
        Optional<ExchangeRelation> byLevels = ExchangeRules.byLevels(askingLevel, peerLevel, step);
        if (byLevels.isPresent()) {
            return Mono.just(byLevels.get());
        }
        return clusters.shareActiveCluster(asking.id(), peer.id()).flatMap(shared -> {
            if (shared) {
                return Mono.just(ExchangeRelation.CLUSTER_PEER);
            }
            MessageRef characteristic = new MessageRef("characteristic." + step.characteristic().name());
            if (!askingLevel.isAssessed()) {
                return Mono.error(new ApiException(ProblemType.ASSESSMENT_NEEDED, "exchange.levelNeeded",
                        asking.profile().displayName(), characteristic));
            }
            if (step.fromLevel() != askingLevel) {
                return Mono.error(ApiException.invalid("problem.invalidFields", List.of(Problems.FieldMessage.of(
                        "step.fromLevel", "exchange.field.fromOwnLevel", new MessageRef("level." + askingLevel.name()))), 1));
            }
            return Mono.error(new ApiException(ProblemType.EXCHANGE_PEER_NOT_ONE_STEP_AHEAD,
                    "exchange.peerNotOneStepAhead", asking.profile().displayName(),
                    new MessageRef("level." + askingLevel.name()), characteristic, peer.profile().displayName(),
                    new MessageRef("level." + peerLevel.name()))
                    .with("askingLevel", askingLevel.name()).with("peerLevel", peerLevel.name()));
        });
    }

    /** The origin's case study or cluster and an attached case study must exist and be visible to the caller. */
    private Mono<Void> references(ExchangeOrigin origin, @Nullable String caseStudyId, CurrentUser user) {
        Mono<Void> fromOrigin = Mono.empty();
        if (origin.kind() == ExchangeOrigin.Kind.CASE_STUDY && origin.id() != null) {
            fromOrigin = exists(caseStudies.get(origin.id(), user), "origin.id", "exchange.field.unknownCaseStudy", origin.id());
        }
        else if (origin.kind() == ExchangeOrigin.Kind.CLUSTER && origin.id() != null) {
            fromOrigin = exists(clusters.get(origin.id(), user), "origin.id", "exchange.field.unknownCluster", origin.id());
        }
        Mono<Void> attached = caseStudyId == null ? Mono.empty()
                : exists(caseStudies.get(caseStudyId, user), "caseStudyId", "exchange.field.unknownCaseStudy", caseStudyId);
        return fromOrigin.then(attached);
    }

    private static Mono<Void> exists(Mono<?> lookup, String field, String code, String id) {
        return lookup.then().onErrorMap(failure -> failure instanceof ApiException api && api.type() == ProblemType.NOT_FOUND,
                missing -> ApiException.invalid("problem.invalidFields", List.of(Problems.FieldMessage.of(field, code, id)), 1));
    }

    private Mono<Void> notDeclinedRecently(City asking, City peer, ExchangeStep step, Instant now) {
        return limits.lastDeclined(asking.id(), peer.id(), step).flatMap(last -> {
            if (last.isEmpty()) {
                return Mono.<Void>empty();
            }
            Instant again = last.get().plus(properties.resendAfter());
            if (!now.isBefore(again)) {
                return Mono.<Void>empty();
            }
            return Mono.<Void>error(new ApiException(ProblemType.EXCHANGE_DECLINED_RECENTLY, "exchange.declinedRecently",
                    peer.profile().displayName(), day(last.get()), day(again))
                    .with("declinedAt", last.get().toString()).with("sendableFrom", again.toString()));
        });
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    static List<Problems.FieldMessage> slotProblems(String field, List<ExchangeSlot> slots, Instant now) {
        List<Problems.FieldMessage> errors = new ArrayList<>();
        if (slots.size() > Exchange.MAX_SLOTS) {
            errors.add(Problems.FieldMessage.of(field, "exchange.field.tooManySlots", Exchange.MAX_SLOTS));
            return errors;
        }
        for (int i = 0; i < slots.size(); i++) {
            ExchangeSlot slot = slots.get(i);
            if (!slot.wellFormed()) {
                errors.add(Problems.FieldMessage.of(field + "[" + i + "].end", "exchange.field.slotOrder",
                        ExchangeSlot.LONGEST.toDays()));
            }
            else if (!slot.start().isAfter(now)) {
                errors.add(Problems.FieldMessage.of(field + "[" + i + "].start", "exchange.field.slotPast"));
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------- answering

    public Mono<Exchange> accept(String id, long version, @Nullable ExchangeSlot slot, CurrentUser user) {
        return change(id, version, user, exchange -> requireParty(exchange, user, ExchangeParty.PEER),
                exchange -> exchange.accept(slot, clock.instant()), "exchange.accepted", null);
    }

    public Mono<Exchange> decline(String id, long version, String reason, CurrentUser user) {
        return change(id, version, user, exchange -> requireParty(exchange, user, ExchangeParty.PEER),
                exchange -> exchange.decline(reason, clock.instant()), "exchange.declined", reason);
    }

    public Mono<Exchange> proposeDates(String id, long version, List<ExchangeSlot> slots, CurrentUser user) {
        List<Problems.FieldMessage> errors = slotProblems("slots", slots, clock.instant());
        if (slots.isEmpty()) {
            errors.add(Problems.FieldMessage.of("slots", "exchange.field.slotsRequired"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(ApiException.invalid("problem.invalidFields", errors, errors.size()));
        }
        return change(id, version, user, exchange -> requireAnyParty(exchange, user),
                exchange -> exchange.proposeDates(requireAnyParty(exchange, user), slots, clock.instant()),
                "exchange.datesProposed", null);
    }

    public Mono<Exchange> agree(String id, long version, ExchangeSlot slot, CurrentUser user) {
        return change(id, version, user, exchange -> requireAnyParty(exchange, user),
                exchange -> exchange.agree(requireAnyParty(exchange, user), slot, clock.instant()),
                "exchange.dateAgreed", null);
    }

    public Mono<Exchange> cancel(String id, long version, CurrentUser user) {
        return change(id, version, user, exchange -> requireParty(exchange, user, ExchangeParty.ASKING),
                exchange -> exchange.cancel(clock.instant()), "exchange.cancelled", null);
    }

    /** Invites an approved expert (either side's editors, curators, admins). */
    public Mono<Exchange> inviteExpert(String id, long version, String expertId, CurrentUser user) {
        return get(id, user)
                .flatMap(exchange -> {
                    if (ExchangeRules.party(exchange, user).isEmpty() && !ExchangeRules.isCurator(user)) {
                        return Mono.error(ApiException.forbidden("exchange.sidesOnly", exchange.askingCityId(),
                                exchange.peerCityId()));
                    }
                    return experts.isApproved(expertId);
                })
                .flatMap(approved -> approved ? experts.names(List.of(expertId))
                        : Mono.error(ApiException.invalid("problem.invalidFields", List.of(Problems.FieldMessage.of(
                                "expertId", "exchange.field.unknownExpert", expertId)), 1)))
                .flatMap(names -> lists.add(List.of(ExchangeLists.expert(expertId)), id)
                        .then(change(id, version, user, exchange -> { },
                                exchange -> exchange.invite(expertId, names.getOrDefault(expertId, expertId),
                                        clock.instant()),
                                "exchange.expertInvited", null)));
    }

    /** The invited expert accepts or declines. */
    public Mono<Exchange> answerInvite(String id, long version, String expertId, boolean accept, CurrentUser user) {
        return change(id, version, user, exchange -> {
            if (!user.has(Role.EXPERT) || user.expertId().filter(expertId::equals).isEmpty()) {
                throw ApiException.forbidden("exchange.expertOnly", expertId);
            }
        }, exchange -> exchange.answerInvite(expertId, accept, clock.instant()),
                accept ? "exchange.expertAccepted" : "exchange.expertDeclined", null);
    }

    /** The asking city's editors record what they learnt, once the agreed date is over. */
    public Mono<Exchange> recordOutcome(String id, long version, String learnt, String willAdopt, int usefulness,
            CurrentUser user) {
        return change(id, version, user, exchange -> requireParty(exchange, user, ExchangeParty.ASKING),
                exchange -> exchange.recordOutcome(learnt, willAdopt, usefulness, clock.instant()),
                "exchange.outcomeRecorded", null);
    }

    // ---------------------------------------------------------------- conversation

    public Mono<PageResponse<ExchangeMessage>> messages(String id, PageParams page, CurrentUser user) {
        return get(id, user).flatMap(exchange -> threads.page(exchange.id(), page));
    }

    /** Adds a message (every reader of the exchange writes in it); its text is kept exactly as written. */
    public Mono<ExchangeMessage> post(String id, String text, CurrentUser user) {
        return get(id, user).flatMap(exchange -> threads.post(exchange.id(), user.username(),
                        authorCity(exchange, user), authorRole(exchange, user), text, clock.instant())
                .flatMap(message -> audit.record(user, event("exchange.messagePosted", exchange.version(), exchange.version(), exchange, user)
                                .withDetails(Map.of("seq", String.valueOf(message.seq()))))
                        .thenReturn(message)));
    }

    private static @Nullable String authorCity(Exchange exchange, CurrentUser user) {
        return ExchangeRules.party(exchange, user)
                .map(party -> party == ExchangeParty.ASKING ? exchange.askingCityId() : exchange.peerCityId())
                .orElse(null);
    }

    private static ExchangeMessage.AuthorRole authorRole(Exchange exchange, CurrentUser user) {
        if (ExchangeRules.party(exchange, user).isPresent()) {
            return ExchangeMessage.AuthorRole.CITY;
        }
        return ExchangeRules.invitation(exchange, user).isPresent() ? ExchangeMessage.AuthorRole.EXPERT
                : ExchangeMessage.AuthorRole.CURATOR;
    }

    // ---------------------------------------------------------------- calendar, draft, statistics

    /** The agreed date as an iCalendar file (409 while no date is agreed). */
    public Mono<String> calendar(String id, CurrentUser user) {
        return get(id, user).flatMap(exchange -> {
            if (exchange.agreedSlot() == null) {
                return Mono.error(ApiException.conflict("exchange.noAgreedDate", id));
            }
            return cities.getAll(List.of(exchange.askingCityId(), exchange.peerCityId())).collectMap(City::id)
                    .flatMap(found -> {
                        ExchangeSide asking = side(exchange.askingCityId(), found);
                        ExchangeSide peer = side(exchange.peerCityId(), found);
                        Reason summary = messages.both("exchange.calendar.summary", language -> new Object[] {
                                nameIn(asking, language), nameIn(peer, language),
                                new MessageRef("characteristic." + exchange.step().characteristic().name())});
                        String text = summary.en() + " / " + summary.zh();
                        // biweekly reads its own resources on first use: off the event loop
                        return Mono.fromCallable(() -> ExchangeCalendar.ics(exchange,
                                        new ExchangeCalendar.Party(nameIn(asking, "en"), asking.timeZone()),
                                        new ExchangeCalendar.Party(nameIn(peer, "en"), peer.timeZone()), text))
                                .subscribeOn(Schedulers.boundedElastic());
                    });
        });
    }

    private static String nameIn(ExchangeSide side, String language) {
        Map<String, String> name = side.name();
        return name.getOrDefault(language, name.getOrDefault("en", name.getOrDefault("zh", side.cityId())));
    }

    /**
     * Turns a completed exchange into a case-study draft of the asking city, through the case-study
     * feature (its rules and audit apply): titled after the step and the peer, with what was learnt
     * and will be adopted as summary and lessons, and the step itself. Emits the draft's id.
     */
    public Mono<String> makeDraft(String id, CurrentUser user) {
        return get(id, user).flatMap(exchange -> {
            requireParty(exchange, user, ExchangeParty.ASKING);
            exchange.requireDraftable();
            Mono<Optional<CaseStudy>> attached = exchange.caseStudyId() == null ? Mono.just(Optional.empty())
                    : caseStudies.get(exchange.caseStudyId(), user).map(Optional::of)
                            .onErrorResume(ApiException.class, gone -> Mono.just(Optional.empty()));
            return Mono.zip(cities.getAll(List.of(exchange.askingCityId(), exchange.peerCityId())).collectMap(City::id),
                            attached)
                    .flatMap(found -> {
                        City asking = found.getT1().get(exchange.askingCityId());
                        City peer = found.getT1().get(exchange.peerCityId());
                        if (asking == null) {
                            return Mono.error(ApiException.notFound("city", exchange.askingCityId()));
                        }
                        CaseStudyContent content = draftContent(exchange, asking, peer, found.getT2().orElse(null));
                        String draftId = exchange.askingCityId() + "-exchange-" + exchange.id();
                        return caseStudies.create(draftId, exchange.askingCityId(), content, user);
                    })
                    .flatMap(draft -> linkDraft(exchange.id(), draft.id())
                            .flatMap(saved -> audit.record(user, event("exchange.draftCreated", saved.version() - 1, saved.version(),
                                    saved, user).withDetails(Map.of("caseStudyId", draft.id()))))
                            .thenReturn(draft.id()));
        });
    }

    private Mono<Exchange> linkDraft(String id, String draftId) {
        return Mono.defer(() -> exchanges.findById(id).flatMap(exchange -> {
                    exchange.draftCreated(draftId, clock.instant());
                    return exchanges.save(exchange);
                }))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20)).filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> ApiException.conflict("exchange.busy", id)));
    }

    private CaseStudyContent draftContent(Exchange exchange, City asking, @Nullable City peer, @Nullable CaseStudy attached) {
        ExchangeOutcome outcome = exchange.outcome();
        String learnt = outcome == null ? "" : outcome.learnt();
        String willAdopt = outcome == null ? "" : outcome.willAdopt();
        ExchangeStep step = exchange.step();
        Map<String, String> peerName = peer == null ? Map.of() : peer.profile().name();
        Reason title = messages.both("exchange.draft.title", language -> new Object[] {
                peerName.getOrDefault(language, peerName.getOrDefault("en", exchange.peerCityId())),
                new MessageRef("characteristic." + step.characteristic().name()),
                new MessageRef("level." + step.fromLevel().name()), new MessageRef("level." + step.toLevel().name())});
        Reason partnerRole = messages.both("exchange.draft.partnerRole");
        String language = Texts.language(learnt + willAdopt);
        Map<String, String> summary = learnt.isBlank() ? Map.of() : Map.of(language, Texts.clip(learnt, 1000));
        Map<String, String> lessons = Map.of(language, Texts.clip(learnt + "\n\n" + willAdopt, 4000));
        List<CaseStudyContent.Step> steps = step.fromLevel() == step.toLevel() ? List.of()
                : List.of(new CaseStudyContent.Step(step.characteristic(), step.fromLevel(), step.toLevel()));
        Set<org.citystep.reference.ServiceDomain> domains = attached != null ? attached.content().serviceDomains()
                : asking.profile().interests();
        List<CaseStudyContent.Partner> partners = peer == null ? List.of()
                : List.of(new CaseStudyContent.Partner(peer.profile().displayName(),
                        Map.of("en", partnerRole.en(), "zh", partnerRole.zh())));
        return new CaseStudyContent(Map.of("en", Texts.clip(title.en(), 200), "zh", Texts.clip(title.zh(), 200)), summary,
                Map.of(), domains, steps, CaseStudyContent.Stage.PILOT, null, null,
                new CaseStudyContent.Flags(false, false, false, false, false), Set.of(), List.of(), null, null, Set.of(),
                partners, Map.of(), lessons, null, null);
    }

    /** Counts for curators and admins. */
    public Mono<ExchangeStats> stats(CurrentUser user) {
        if (!ExchangeRules.isCurator(user)) {
            return Mono.error(ApiException.forbidden("exchange.statsCuratorsOnly"));
        }
        return statistics.stats();
    }

    // ---------------------------------------------------------------- the write every change shares

    private Mono<Exchange> change(String id, long version, CurrentUser user, Consumer<Exchange> permission,
            Consumer<Exchange> mutation, String action, @Nullable String note) {
        return get(id, user).flatMap(exchange -> {
            permission.accept(exchange);
            if (exchange.version() != version) {
                return Mono.error(ApiException.staleVersion("exchange", id, version, exchange.version()));
            }
            ExchangeState before = exchange.state();
            Instant answeredBefore = exchange.answeredAt();
            mutation.accept(exchange);
            exchange.effect(effect(before, answeredBefore, exchange, action, version, note, user));
            // marked due before the save: if this process dies after it, the worker finishes the effect
            return effects.markDue(id).flatMap(due -> exchanges.save(exchange)
                    .onErrorMap(OptimisticLockingFailureException.class,
                            stale -> ApiException.staleVersion("exchange", id, version, version + 1))
                    .flatMap(saved -> finish(saved, due)));
        });
    }

    /**
     * What a write still has to do elsewhere (see {@link ExchangeEffect}), saved with the change: the
     * audit entry (which tells the other side) is built now, with the version the save gives.
     */
    private static ExchangeEffect effect(@Nullable ExchangeState before, @Nullable Instant answeredBefore, Exchange after,
            String action, @Nullable Long versionBefore, @Nullable String note, CurrentUser user) {
        long versionAfter = versionBefore == null ? 0 : versionBefore + 1;
        return new ExchangeEffect(new ObjectId().toHexString(), before, answeredBefore, after.state(), after.answeredAt(),
                after.outcome() == null ? null : after.outcome().usefulness(), after.updatedAt(),
                new ObjectId().toHexString(), user.subject(), user.username(),
                event(action, versionBefore, versionAfter, after, user).withNote(note));
    }

    /**
     * Carries out the effects the saved exchange holds. The change is saved and answered either way:
     * what fails here is finished by {@link ExchangeEffectsWorker}.
     */
    private Mono<Exchange> finish(Exchange saved, ExchangeEffects.DueMark due) {
        return effects.carryOut(saved, due)
                .onErrorResume(failure -> {
                    log.warn("Exchange {} is saved; what follows from it is finished later: {}", saved.id(),
                            failure.toString());
                    return Mono.empty();
                })
                .thenReturn(saved);
    }

    private static void requireParty(Exchange exchange, CurrentUser user, ExchangeParty wanted) {
        if (ExchangeRules.party(exchange, user).filter(wanted::equals).isEmpty()) {
            String city = wanted == ExchangeParty.ASKING ? exchange.askingCityId() : exchange.peerCityId();
            throw ApiException.forbidden("exchange.partyOnly", city);
        }
    }

    private static ExchangeParty requireAnyParty(Exchange exchange, CurrentUser user) {
        return ExchangeRules.party(exchange, user).orElseThrow(() -> ApiException.forbidden("exchange.sidesOnly",
                exchange.askingCityId(), exchange.peerCityId()));
    }

    /**
     * The audit entry of a change, naming whom to tell: the two cities but the caller's own, and the
     * invited experts but the caller.
     */
    private static AuditEvent event(String action, @Nullable Long versionBefore, long versionAfter, Exchange saved,
            CurrentUser user) {
        String actingCity = authorCity(saved, user);
        List<String> tellCities = Stream.of(saved.askingCityId(), saved.peerCityId())
                .filter(city -> !city.equals(actingCity)).distinct().toList();
        List<String> tellExperts = saved.experts().stream().filter(ExpertInvite::participates).map(ExpertInvite::expertId)
                .filter(expert -> !(user.has(Role.EXPERT) && user.expertId().filter(expert::equals).isPresent()))
                .toList();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cityIds", String.join(",", tellCities));
        details.put("expertIds", String.join(",", tellExperts));
        details.put("askingCityId", saved.askingCityId());
        details.put("peerCityId", saved.peerCityId());
        details.put("step", saved.step().key());
        details.put("state", saved.state().name());
        return AuditEvent.of(action, "exchange", saved.id(), actingCity != null ? actingCity : saved.askingCityId(),
                versionBefore, versionAfter).withDetails(details);
    }

    // ---------------------------------------------------------------- demo data

    /**
     * An exchange of the demo data set, in the state it is to show, with its conversation (messages
     * alternate between the asking city and the peer, the first from the asking city).
     *
     * @param slot    the agreed date (accepted, completed) or the date proposed (requested)
     * @param learnt  with {@code willAdopt} and {@code usefulness}: the outcome of a completed one
     */
    public record DemoExchange(String askingCityId, String peerCityId, ExchangeStep step, ExchangeFormat format,
            ExchangeState state, Instant requestedAt, @Nullable ExchangeSlot slot, @Nullable String declineReason,
            @Nullable String learnt, @Nullable String willAdopt, int usefulness, List<String> messages) {
    }

    /**
     * Adds an exchange of the demo data set through the same aggregate, lists, counters and
     * conversation as the API, at the times it gives (its dates lie in the past); no audit entries, so
     * loading the set notifies nobody.
     */
    public Mono<Exchange> createDemo(DemoExchange demo) {
        Instant asked = demo.requestedAt();
        ExchangeSlot slot = demo.slot();
        Exchange exchange = Exchange.request(new ObjectId(java.util.Date.from(asked)).toHexString(), demo.askingCityId(),
                demo.peerCityId(), demo.step(), demo.format(), new ExchangeOrigin(ExchangeOrigin.Kind.MATCH, null), null,
                demo.step().fromLevel() == demo.step().toLevel() ? ExchangeRelation.SAME_LEVEL
                        : ExchangeRelation.ONE_STEP_AHEAD,
                slot == null ? List.of() : List.of(slot), asked);
        Instant answered = asked.plus(Duration.ofHours(30));
        switch (demo.state()) {
            case ACCEPTED -> exchange.accept(slot, answered);
            case DECLINED -> exchange.decline(demo.declineReason() == null ? "-" : demo.declineReason(), answered);
            case CANCELLED -> exchange.cancel(answered);
            case COMPLETED -> {
                exchange.accept(slot, answered);
                exchange.recordOutcome(demo.learnt() == null ? "" : demo.learnt(),
                        demo.willAdopt() == null ? "" : demo.willAdopt(), demo.usefulness(),
                        slot == null ? answered : slot.end().plus(Duration.ofDays(1)));
            }
            default -> {
                // requested: waiting for the peer
            }
        }
        exchange.effect(demoEffect(null, null, ExchangeState.REQUESTED, null, asked));
        exchange.effect(demoEffect(ExchangeState.REQUESTED, null, exchange.state(), exchange, exchange.updatedAt()));
        Mono<Void> place = exchange.state().open()
                ? limits.claimRequest(demo.askingCityId(), demo.peerCityId(), demo.step(), exchange.id())
                        .then(limits.takeOpenPlace(demo.askingCityId(), exchange.id(), Integer.MAX_VALUE))
                : Mono.empty();
        Flux<ExchangeMessage> conversation = Flux.range(0, demo.messages().size()).concatMap(i -> {
            boolean fromAsking = i % 2 == 0;
            String city = fromAsking ? demo.askingCityId() : demo.peerCityId();
            return threads.post(exchange.id(), "editor." + city, city, ExchangeMessage.AuthorRole.CITY,
                    demo.messages().get(i), asked.plus(Duration.ofHours(2L + 20L * i)));
        });
        return place
                .then(lists.add(List.of(ExchangeLists.city(demo.askingCityId()), ExchangeLists.city(demo.peerCityId()),
                        ExchangeLists.ALL), exchange.id()))
                .then(conversation.then())
                .then(effects.markDue(exchange.id()))
                .flatMap(due -> exchanges.insert(exchange).flatMap(saved -> effects.carryOut(saved, due).thenReturn(saved)));
    }

    /** An effect of a demo exchange: counted like any, with no audit entry (demo data notifies nobody). */
    private static ExchangeEffect demoEffect(@Nullable ExchangeState before, @Nullable Instant answeredBefore,
            ExchangeState after, @Nullable Exchange exchange, Instant at) {
        return new ExchangeEffect(new ObjectId().toHexString(), before, answeredBefore, after,
                exchange == null ? null : exchange.answeredAt(),
                exchange == null || exchange.outcome() == null ? null : exchange.outcome().usefulness(), at, null,
                AuditLog.SYSTEM, AuditLog.SYSTEM, null);
    }

    // ---------------------------------------------------------------- for the staircase

    /**
     * The asking city's exchanges per characteristic: completed ({@code done}) and open
     * ({@code planned}); from the city's list, its exchanges read by id in one query.
     */
    public Mono<Map<org.citystep.reference.Characteristic, ExchangeCounts>> countsOf(String cityId) {
        return lists.newestFirst(ExchangeLists.city(cityId))
                .flatMapMany(this::inOrder)
                .filter(exchange -> exchange.askingCityId().equals(cityId))
                .collectList()
                .map(all -> {
                    Map<org.citystep.reference.Characteristic, ExchangeCounts> counts =
                            new java.util.EnumMap<>(org.citystep.reference.Characteristic.class);
                    for (Exchange exchange : all) {
                        ExchangeCounts was = counts.getOrDefault(exchange.step().characteristic(), ExchangeCounts.NONE);
                        if (exchange.state() == ExchangeState.COMPLETED) {
                            counts.put(exchange.step().characteristic(), new ExchangeCounts(was.done() + 1, was.planned()));
                        }
                        else if (exchange.state().open()) {
                            counts.put(exchange.step().characteristic(), new ExchangeCounts(was.done(), was.planned() + 1));
                        }
                    }
                    return counts;
                });
    }

    /** How each of these cities answered the exchange requests it was sent, read by id in one query. */
    public Mono<Map<String, PeerResponsiveness>> responsiveness(java.util.Collection<String> cityIds) {
        return statistics.responsiveness(cityIds).map(found -> {
            Map<String, PeerResponsiveness> out = new LinkedHashMap<>();
            found.values().forEach(counted -> out.put(counted.cityId(), new PeerResponsiveness(counted.cityId(),
                    counted.asked(), counted.answered(), counted.responseHours().isEmpty() ? null
                            : ExchangeStatistics.percentile(counted.responseHours().stream().sorted().toList(), 0.5))));
            return out;
        });
    }
}
