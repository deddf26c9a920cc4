package org.citystep.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A good-practice case study: one MongoDB document with its content, its place in the curation
 * workflow and the audit trail of every transition. State changes are methods that refuse illegal
 * transitions (409).
 */
@Document("case_studies")
@CompoundIndex(name = "status_city", def = "{'status': 1, 'cityId': 1}")
@CompoundIndex(name = "status_steps", def = "{'status': 1, 'content.steps.characteristic': 1, 'content.steps.toLevel': 1}")
@CompoundIndex(name = "status_verified", def = "{'status': 1, 'lastVerified': 1}")
@CompoundIndex(name = "updated", def = "{'updatedAt': -1}")
public class CaseStudy {

    /** Older than this, a published case study is due for re-verification. */
    public static final int REVERIFY_AFTER_MONTHS = 24;

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private final String cityId;
    private CaseStudyContent content;
    private CaseStudyStatus status;
    private boolean bestPractice;
    private List<String> awards;
    private @Nullable LocalDate lastVerified;
    private List<AuditEntry> audit;
    private final boolean demo;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    CaseStudy(String id, @Nullable Long version, String cityId, CaseStudyContent content, CaseStudyStatus status,
            boolean bestPractice, @Nullable List<String> awards, @Nullable LocalDate lastVerified,
            @Nullable List<AuditEntry> audit, boolean demo, Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.cityId = cityId;
        this.content = content;
        this.status = status;
        this.bestPractice = bestPractice;
        this.awards = awards == null ? new ArrayList<>() : new ArrayList<>(awards);
        this.lastVerified = lastVerified;
        this.audit = audit == null ? new ArrayList<>() : new ArrayList<>(audit);
        this.demo = demo;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static CaseStudy draft(String id, String cityId, CaseStudyContent content, boolean demo, String by, Instant now) {
        CaseStudy study = new CaseStudy(id, null, cityId, content, CaseStudyStatus.DRAFT, false, null, null, null,
                demo, now, now);
        study.audit.add(new AuditEntry(by, now, null, CaseStudyStatus.DRAFT, null));
        return study;
    }

    void edit(CaseStudyContent changed, Instant now) {
        if (!status.editable()) {
            throw ApiException.conflict("caseStudy.notEditable", describe(status));
        }
        this.content = changed;
        this.updatedAt = now;
    }

    void submit(String by, Instant now) {
        move(CaseStudyStatus.SUBMITTED, by, null, now, CaseStudyStatus.DRAFT, CaseStudyStatus.CHANGES_REQUESTED);
    }

    void requestChanges(String by, String note, Instant now) {
        move(CaseStudyStatus.CHANGES_REQUESTED, by, note, now, CaseStudyStatus.SUBMITTED);
    }

    void publish(String by, @Nullable String note, LocalDate today, Instant now) {
        move(CaseStudyStatus.PUBLISHED, by, note, now, CaseStudyStatus.SUBMITTED);
        this.lastVerified = today;
    }

    void reject(String by, String note, Instant now) {
        move(CaseStudyStatus.REJECTED, by, note, now, CaseStudyStatus.SUBMITTED);
    }

    void archive(String by, @Nullable String note, Instant now) {
        move(CaseStudyStatus.ARCHIVED, by, note, now, CaseStudyStatus.PUBLISHED);
    }

    /** A curator confirms the published content is still accurate. */
    void verify(String by, LocalDate today, Instant now) {
        if (status != CaseStudyStatus.PUBLISHED) {
            throw ApiException.conflict("caseStudy.verifyPublishedOnly", describe(status));
        }
        this.lastVerified = today;
        this.updatedAt = now;
        audit.add(new AuditEntry(by, now, status, status, "Verified as still accurate"));
    }

    void markBestPractice(boolean best, List<String> newAwards, String by, Instant now) {
        if (best && status != CaseStudyStatus.PUBLISHED) {
            throw ApiException.conflict("caseStudy.bestPracticePublishedOnly");
        }
        this.bestPractice = best;
        this.awards = new ArrayList<>(newAwards);
        this.updatedAt = now;
        audit.add(new AuditEntry(by, now, status, status, best ? "Marked as best practice" : "Best practice mark removed"));
    }

    /** Loads a case study of the demo data set in the state the set gives it. */
    void seedState(CaseStudyStatus target, boolean best, List<String> seedAwards, @Nullable LocalDate verified,
            String by, Instant now) {
        this.status = target;
        this.bestPractice = best;
        this.awards = new ArrayList<>(seedAwards);
        this.lastVerified = verified;
        audit.add(new AuditEntry(by, now, CaseStudyStatus.DRAFT, target, "Demo data"));
    }

    private void move(CaseStudyStatus to, String by, @Nullable String note, Instant now, CaseStudyStatus... allowedFrom) {
        if (!List.of(allowedFrom).contains(status)) {
            throw ApiException.conflict("caseStudy.cannotMove", describe(status), describe(to));
        }
        audit.add(new AuditEntry(by, now, status, to, note));
        this.status = to;
        this.updatedAt = now;
    }

    private static org.citystep.shared.i18n.MessageRef describe(CaseStudyStatus status) {
        return new org.citystep.shared.i18n.MessageRef("caseStudy.status." + status.name());
    }

    public boolean dueForReverification(LocalDate today) {
        return status == CaseStudyStatus.PUBLISHED
                && (lastVerified == null || lastVerified.isBefore(today.minusMonths(REVERIFY_AFTER_MONTHS)));
    }

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String cityId() {
        return cityId;
    }

    public CaseStudyContent content() {
        return content;
    }

    public CaseStudyStatus status() {
        return status;
    }

    public boolean bestPractice() {
        return bestPractice;
    }

    public List<String> awards() {
        return List.copyOf(awards);
    }

    public @Nullable LocalDate lastVerified() {
        return lastVerified;
    }

    public List<AuditEntry> audit() {
        return List.copyOf(audit);
    }

    public boolean demo() {
        return demo;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
