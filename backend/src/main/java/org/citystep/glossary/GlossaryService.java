package org.citystep.glossary;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Reading and keeping the glossary. Everyone reads it; curators and admins change it. Reads come
 * from this instance's copy ({@link Glossary}); every write increments the revision and re-reads
 * the copy before it answers, so the writer's next search already uses the change.
 */
@Service
public class GlossaryService {

    /** The glossary stays small enough to hold in memory and to scan per query. */
    static final int MAX_TERMS = 10_000;

    private final GlossaryTerms terms;
    private final Glossary glossary;
    private final ReferenceDataService reference;
    private final Clock clock;

    private final AuditLog audit;

    GlossaryService(GlossaryTerms terms, Glossary glossary, ReferenceDataService reference, Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.terms = terms;
        this.glossary = glossary;
        this.reference = reference;
        this.clock = clock;
    }

    /** What changes a term: both languages' terms (preferred first), its category and its code. */
    public record Content(GlossaryCategory category, @Nullable String code, List<String> en, List<String> zh) {
    }

    /**
     * A page of the terms whose words contain {@code text} in either language (all when blank),
     * of {@code category} when given, by id.
     */
    public PageResponse<GlossaryTerm> list(@Nullable String text, @Nullable GlossaryCategory category, PageParams page) {
        String wanted = text == null ? "" : TermLookup.normalize(text);
        List<GlossaryTerm> matching = glossary.all().stream()
                .filter(term -> category == null || term.category() == category)
                .filter(term -> wanted.isEmpty() || contains(term.en(), wanted) || contains(term.zh(), wanted))
                .toList();
        int from = Math.min(page.page() * page.size(), matching.size());
        return new PageResponse<>(matching.subList(from, Math.min(from + page.size(), matching.size())),
                page.page(), page.size(), matching.size());
    }

    public Mono<GlossaryTerm> get(String id) {
        return terms.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("glossaryTerm", id)));
    }

    public Mono<GlossaryTerm> create(@Nullable String requestedId, Content content, CurrentUser user) {
        checkCurator(user);
        checkCode(content);
        String id = requestedId != null ? requestedId : Slugs.of(content.en().get(0));
        if (id.length() < 2) {
            return Mono.error(ApiException.invalid("glossary.noDerivableId",
                    List.of(Problems.FieldMessage.of("id", "field.sendSlug"))));
        }
        if (glossary.all().size() >= MAX_TERMS) {
            return Mono.error(ApiException.conflict("glossary.full", MAX_TERMS));
        }
        GlossaryTerm term = new GlossaryTerm(id, null, content.category(), content.code(), content.en(), content.zh(),
                clock.instant(), user.username());
        return terms.insert(term)
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("problem.exists", new MessageRef("resource.glossaryTerm"), id))
                .flatMap(this::published)
                .flatMap(saved -> audit.record(user, AuditEvent.of("glossary.created", "glossaryTerm", saved.id(), null,
                        null, saved.version())).thenReturn(saved));
    }

    public Mono<GlossaryTerm> update(String id, long version, Content content, CurrentUser user) {
        checkCurator(user);
        checkCode(content);
        return get(id).flatMap(term -> {
            if (term.version() == null || term.version() != version) {
                return Mono.error(ApiException.staleVersion("glossaryTerm", id, version,
                        term.version() == null ? 0 : term.version()));
            }
            return terms.save(term.changed(content.category(), content.code(), content.en(), content.zh(),
                            clock.instant(), user.username()))
                    .onErrorMap(OptimisticLockingFailureException.class,
                            e -> ApiException.staleVersion("glossaryTerm", id, version, version + 1));
        }).flatMap(this::published)
                .flatMap(saved -> audit.record(user, AuditEvent.of("glossary.updated", "glossaryTerm", saved.id(), null,
                        version, saved.version())).thenReturn(saved));
    }

    public Mono<Void> delete(String id, CurrentUser user) {
        checkCurator(user);
        return get(id).flatMap(term -> terms.deleteById(id)
                        .then(audit.record(user, AuditEvent.of("glossary.deleted", "glossaryTerm", id, null,
                                term.version(), null))))
                .then(glossary.bumpRevision()).then(glossary.reload());
    }

    private Mono<GlossaryTerm> published(GlossaryTerm saved) {
        return glossary.bumpRevision().then(glossary.reload()).thenReturn(saved);
    }

    private static void checkCurator(CurrentUser user) {
        if (!user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
            throw ApiException.forbidden("glossary.curatorsOnly");
        }
    }

    /** A term of a reference list names one of its codes; a vocabulary term names none. */
    private void checkCode(Content content) {
        String code = content.code();
        boolean known = switch (content.category()) {
            case VOCABULARY -> code == null;
            case SERVICE_DOMAIN -> code != null && isConstant(ServiceDomain.class, code);
            case CHARACTERISTIC -> code != null && isConstant(Characteristic.class, code);
            case LEVEL -> code != null && isConstant(MaturityLevel.class, code);
            case TECHNOLOGY -> code != null && reference.isTechnologyTag(code);
            case FINANCING -> code != null && reference.isFinancingInstrument(code);
            case BUSINESS_MODEL -> code != null && reference.isBusinessModel(code);
        };
        if (!known) {
            throw ApiException.invalid("problem.invalidFields", List.of(Problems.FieldMessage.of("code",
                    code == null ? "glossary.codeRequired" : content.category() == GlossaryCategory.VOCABULARY
                            ? "glossary.noCodeForVocabulary" : "glossary.unknownCode",
                    new MessageRef("glossary.category." + content.category().name()))), 1);
        }
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(code));
    }

    /** Whether a term contains {@code wanted}, both normalised ({@link TermLookup#normalize}). */
    private static boolean contains(List<String> written, String wanted) {
        return written.stream().anyMatch(term -> TermLookup.normalize(term).contains(wanted));
    }
}
