package org.citystep.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The rules of exchanges on values built here: who may be asked about which step, what each caller
 * may do in each state, the transitions an exchange refuses, and each side's time zone.
 */
class ExchangeRulesTest {

    private static final MaturityLevel BASIC = MaturityLevel.BASIC;
    private static final MaturityLevel AVERAGE = MaturityLevel.AVERAGE;
    private static final MaturityLevel ADVANCED = MaturityLevel.MORE_ADVANCED;
    private static final MaturityLevel TOP = MaturityLevel.STATE_OF_THE_ART;
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ExchangeSlot SLOT = new ExchangeSlot(NOW.plus(Duration.ofDays(3)),
            NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));

    private static ExchangeStep step(MaturityLevel from, MaturityLevel to) {
        return new ExchangeStep(Characteristic.FUNDING, from, to);
    }

    private static CurrentUser editorOf(String city) {
        return new CurrentUser("editor-" + city, "editor." + city, Set.of(Role.CITY_EDITOR), Optional.of(city),
                Optional.empty());
    }

    private static CurrentUser expert(String id) {
        return new CurrentUser("expert-" + id, "expert." + id, Set.of(Role.EXPERT), Optional.empty(), Optional.of(id));
    }

    private static final CurrentUser CURATOR = new CurrentUser("curator", "curator.demo", Set.of(Role.CURATOR),
            Optional.empty(), Optional.empty());

    private static Exchange requested(List<ExchangeSlot> slots) {
        return Exchange.request("0123456789abcdef01234567", "chengdu", "amsterdam", step(AVERAGE, ADVANCED),
                ExchangeFormat.CALL, new ExchangeOrigin(ExchangeOrigin.Kind.MATCH, null), null,
                ExchangeRelation.ONE_STEP_AHEAD, slots, NOW);
    }

    @Test
    void onlyAPeerExactlyOneLevelAheadMayBeAskedAndTheSameLevelAtTheTop() {
        assertThat(ExchangeRules.byLevels(AVERAGE, ADVANCED, step(AVERAGE, ADVANCED))).contains(ExchangeRelation.ONE_STEP_AHEAD);
        assertThat(ExchangeRules.byLevels(AVERAGE, TOP, step(AVERAGE, ADVANCED))).as("two levels ahead").isEmpty();
        assertThat(ExchangeRules.byLevels(AVERAGE, AVERAGE, step(AVERAGE, ADVANCED))).as("same level").isEmpty();
        assertThat(ExchangeRules.byLevels(AVERAGE, BASIC, step(AVERAGE, ADVANCED))).as("behind").isEmpty();
        assertThat(ExchangeRules.byLevels(BASIC, AVERAGE, step(AVERAGE, ADVANCED))).as("not the city's own level").isEmpty();
        assertThat(ExchangeRules.byLevels(TOP, TOP, step(TOP, TOP))).contains(ExchangeRelation.SAME_LEVEL);
        assertThat(ExchangeRules.byLevels(MaturityLevel.NOT_ASSESSED, BASIC, step(MaturityLevel.NOT_YET_ADDRESSED, BASIC)))
                .isEmpty();
    }

    @Test
    void aStepClimbsOneLevelOrStaysAtTheTop() {
        assertThat(step(AVERAGE, ADVANCED).wellFormed()).isTrue();
        assertThat(step(TOP, TOP).wellFormed()).isTrue();
        assertThat(step(AVERAGE, TOP).wellFormed()).isFalse();
        assertThat(step(AVERAGE, AVERAGE).wellFormed()).isFalse();
        assertThat(new ExchangeStep(Characteristic.LEGAL_REGULATORY, AVERAGE, ADVANCED).wellFormed())
                .as("unrated characteristic").isFalse();
    }

    @Test
    void eachSideSeesWhatItMayDoNowAndOthersSeeNothing() {
        Exchange exchange = requested(List.of(SLOT));
        assertThat(ExchangeRules.canAct(exchange, editorOf("amsterdam"), NOW))
                .contains(ExchangeAction.ACCEPT, ExchangeAction.DECLINE, ExchangeAction.AGREE_DATE,
                        ExchangeAction.PROPOSE_DATES, ExchangeAction.POST_MESSAGE)
                .doesNotContain(ExchangeAction.CANCEL, ExchangeAction.RECORD_OUTCOME);
        assertThat(ExchangeRules.canAct(exchange, editorOf("chengdu"), NOW))
                .contains(ExchangeAction.CANCEL, ExchangeAction.PROPOSE_DATES, ExchangeAction.INVITE_EXPERT)
                .doesNotContain(ExchangeAction.ACCEPT, ExchangeAction.AGREE_DATE);
        assertThat(ExchangeRules.canAct(exchange, editorOf("barcelona"), NOW)).isEmpty();
        assertThat(ExchangeRules.mayRead(exchange, editorOf("barcelona"))).isFalse();
        assertThat(ExchangeRules.mayRead(exchange, expert("demo-expert"))).isFalse();
        assertThat(ExchangeRules.canAct(exchange, CURATOR, NOW))
                .containsExactly(ExchangeAction.INVITE_EXPERT, ExchangeAction.POST_MESSAGE);
    }

    @Test
    void anInvitedExpertReadsUntilItDeclines() {
        Exchange exchange = requested(List.of());
        exchange.invite("demo-expert", "Demo Expert", NOW);
        assertThat(ExchangeRules.mayRead(exchange, expert("demo-expert"))).isTrue();
        assertThat(ExchangeRules.canAct(exchange, expert("demo-expert"), NOW)).contains(ExchangeAction.ANSWER_INVITE);
        assertThat(ExchangeRules.mayRead(exchange, expert("other-expert"))).isFalse();
        exchange.answerInvite("demo-expert", false, NOW);
        assertThat(ExchangeRules.mayRead(exchange, expert("demo-expert"))).isFalse();
        assertThatThrownBy(() -> exchange.answerInvite("demo-expert", true, NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> exchange.answerInvite("nobody", true, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void theSideThatProposedDatesDoesNotAgreeToThem() {
        Exchange exchange = requested(List.of(SLOT));
        assertThatThrownBy(() -> exchange.agree(ExchangeParty.ASKING, SLOT, NOW)).isInstanceOf(ApiException.class);
        ExchangeSlot other = new ExchangeSlot(SLOT.start().plusSeconds(60), SLOT.end().plusSeconds(60));
        assertThatThrownBy(() -> exchange.agree(ExchangeParty.PEER, other, NOW)).as("not proposed")
                .isInstanceOf(ApiException.class);
        exchange.agree(ExchangeParty.PEER, SLOT, NOW.plusSeconds(3600));
        assertThat(exchange.state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThat(exchange.agreedSlot()).isEqualTo(SLOT);
        assertThat(exchange.answeredAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void peerDatesThenAskingAgreesAndTheOutcomeWaitsForTheEnd() {
        Exchange exchange = requested(List.of());
        exchange.proposeDates(ExchangeParty.PEER, List.of(SLOT), NOW);
        assertThat(exchange.state()).isEqualTo(ExchangeState.REQUESTED);
        exchange.agree(ExchangeParty.ASKING, SLOT, NOW);
        assertThat(exchange.state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThatThrownBy(() -> exchange.recordOutcome("a", "b", 4, SLOT.start())).isInstanceOf(ApiException.class);
        exchange.recordOutcome("a", "b", 4, SLOT.end());
        assertThat(exchange.state()).isEqualTo(ExchangeState.COMPLETED);
        assertThat(exchange.state().open()).isFalse();
        assertThatThrownBy(() -> exchange.cancel(NOW)).isInstanceOf(ApiException.class);
        exchange.requireDraftable();
        exchange.draftCreated("chengdu-draft", NOW);
        assertThatThrownBy(exchange::requireDraftable).isInstanceOf(ApiException.class);
    }

    @Test
    void aDeclinedRequestIsClosedWithItsReason() {
        Exchange exchange = requested(List.of());
        exchange.decline("No capacity", NOW);
        assertThat(exchange.state()).isEqualTo(ExchangeState.DECLINED);
        assertThat(exchange.declineReason()).isEqualTo("No capacity");
        assertThatThrownBy(() -> exchange.accept(null, NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void eachCityHasTheTimeZoneOfItsCountry() {
        TimeZones zones = new TimeZones();
        assertThat(zones.of("CN")).isEqualTo("Asia/Shanghai");
        assertThat(zones.of("NL")).isEqualTo("Europe/Amsterdam");
        assertThat(zones.of("nl")).isEqualTo("Europe/Amsterdam");
        assertThat(zones.of("DE")).isEqualTo("Europe/Berlin");
        assertThat(zones.of("ES")).as("not Africa/Ceuta").isEqualTo("Europe/Madrid");
        assertThat(zones.of("XX")).isEqualTo("UTC");
    }

    @Test
    void responseTimesArePercentilesOfTheLatestAnswers() {
        assertThat(ExchangeStatistics.responseTimes(List.of()).p50()).isNull();
        ExchangeStats.ResponseTimes times = ExchangeStatistics.responseTimes(List.of(1.0, 2.0, 3.0, 4.0, 100.0));
        assertThat(times.p50()).isEqualTo(3.0);
        assertThat(times.p90()).isEqualTo(100.0);
        assertThat(times.answers()).isEqualTo(5);
    }

    @Test
    void slotsMustBeFutureAndEndAfterTheyStart() {
        assertThat(ExchangeService.slotProblems("slots", List.of(SLOT), NOW)).isEmpty();
        assertThat(ExchangeService.slotProblems("slots", List.of(new ExchangeSlot(SLOT.end(), SLOT.start())), NOW))
                .extracting(problem -> problem.field()).containsExactly("slots[0].end");
        assertThat(ExchangeService.slotProblems("slots", List.of(new ExchangeSlot(NOW.minusSeconds(60), NOW)), NOW))
                .extracting(problem -> problem.field()).containsExactly("slots[0].start");
        assertThat(ExchangeService.slotProblems("slots", List.of(new ExchangeSlot(SLOT.start(),
                SLOT.start().plus(Duration.ofDays(15)))), NOW)).hasSize(1);
    }

    @Test
    void textsAreTaggedWithTheirLanguageAndClipped() {
        assertThat(Texts.language("How to fund it")).isEqualTo("en");
        assertThat(Texts.language("我们学到了 PPP")).isEqualTo("zh");
        assertThat(Texts.clip("abcdef", 4)).isEqualTo("abc…");
    }
}
