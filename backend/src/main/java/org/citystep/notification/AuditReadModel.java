package org.citystep.notification;

import java.util.ArrayList;
import java.util.List;

import org.citystep.audit.AuditLog;
import org.citystep.audit.AuditRecord;
import org.citystep.search.ReadModelQueries;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import reactor.core.publisher.Mono;

/**
 * The audit log, newest first, for curators and admins: Elasticsearch filters, sorts and counts
 * (no request scans MongoDB's {@code audit} collection), MongoDB is read by id for the page. The
 * read model trails a write by the fan-out interval plus a refresh (about two seconds).
 */
@Service
public class AuditReadModel {

    private final ReadModelQueries queries;
    private final AuditLog audit;

    AuditReadModel(ReadModelQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    public Mono<PageResponse<AuditRecord>> list(AuditFilter filter, PageParams page, CurrentUser user) {
        if (!user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("audit.curatorsOnly"));
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            return Mono.error(ApiException.invalid("problem.invalidFields",
                    List.of(Problems.FieldMessage.of("to", "audit.toBeforeFrom")), 1));
        }
        List<SortOptions> newestFirst = List.of(
                SortOptions.of(s -> s.field(f -> f.field("at").order(SortOrder.Desc))),
                SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Desc))));
        return queries.listPage(AuditSearchDocument.INDEX, query(filter), page, newestFirst, "audit entries",
                ids -> audit.byIds(ids), AuditRecord::id, entry -> true);
    }

    static Query query(AuditFilter filter) {
        List<Query> filters = new ArrayList<>();
        add(filters, "action", filter.action());
        add(filters, "resourceType", filter.resourceType());
        add(filters, "resourceId", filter.resourceId());
        add(filters, "cityId", filter.cityId());
        if (filter.actor() != null && !filter.actor().isBlank()) {
            String actor = filter.actor().strip();
            filters.add(Query.of(q -> q.bool(b -> b.should(term("actorName", actor)).should(term("actorId", actor))
                    .minimumShouldMatch("1"))));
        }
        if (filter.from() != null || filter.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("at");
                if (filter.from() != null) {
                    d.gte(filter.from().toString());
                }
                if (filter.to() != null) {
                    d.lt(filter.to().toString());
                }
                return d;
            }))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static void add(List<Query> filters, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.add(term(field, value.strip()));
        }
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
