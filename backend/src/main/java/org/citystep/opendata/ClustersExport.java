package org.citystep.opendata;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.cluster.Cluster;
import org.citystep.cluster.ClusterContent;
import org.citystep.cluster.ClusterMember;
import org.citystep.cluster.ClusterService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** Active clusters: their name, purpose, topic, lead city and member cities. Cities invited but not joined are left out. */
@Component
class ClustersExport implements DatasetExport {

    private static final List<String> COLUMNS = List.of("id", "name_en", "name_zh", "purpose_en", "purpose_zh",
            "service_domains", "characteristics", "keywords", "lead_city_id", "member_city_ids", "case_study_ids",
            "created_at", "updated_at", "url");

    private final ClusterService clusters;

    ClustersExport(ClusterService clusters) {
        this.clusters = clusters;
    }

    @Override
    public Dataset dataset() {
        return Dataset.CLUSTERS;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return clusters.active(since).map(ClustersExport::row);
    }

    static ExportRow row(Cluster cluster) {
        ClusterContent content = cluster.content();
        ClusterContent.Topic topic = content.topic();
        String lead = cluster.members().stream().filter(member -> member.role() == ClusterMember.Role.LEAD)
                .map(ClusterMember::cityId).findFirst().orElse(null);
        List<String> members = cluster.members().stream().map(ClusterMember::cityId).toList();
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", cluster.id());
        json.put("name", content.name());
        json.put("purpose", content.purpose());
        json.put("topic", Map.of("serviceDomains", topic.serviceDomains().stream().map(Enum::name).sorted().toList(),
                "characteristics", topic.characteristics().stream().map(Enum::name).sorted().toList(),
                "keywords", topic.keywords()));
        json.put("leadCityId", lead);
        json.put("memberCityIds", members);
        json.put("caseStudyIds", content.caseStudyIds());
        json.put("createdAt", Flat.instant(cluster.createdAt()));
        json.put("updatedAt", Flat.instant(cluster.updatedAt()));
        json.put("url", "/clusters/" + cluster.id());
        List<@Nullable Object> csv = Arrays.asList(cluster.id(), Flat.text(content.name(), "en"),
                Flat.text(content.name(), "zh"), Flat.text(content.purpose(), "en"), Flat.text(content.purpose(), "zh"),
                Flat.sortedList(topic.serviceDomains()), Flat.sortedList(topic.characteristics()),
                Flat.list(topic.keywords()), lead, Flat.list(members), Flat.list(content.caseStudyIds()),
                Flat.instant(cluster.createdAt()), Flat.instant(cluster.updatedAt()), "/clusters/" + cluster.id());
        return new ExportRow(json, csv, cluster.updatedAt());
    }
}
