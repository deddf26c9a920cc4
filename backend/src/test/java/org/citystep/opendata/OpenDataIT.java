package org.citystep.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data over real HTTP (the app's own server, so gzip is the server's), on the demo data set
 * with the real Elasticsearch: the datasets listed in both languages; every dataset in both formats,
 * without any contact's name, e-mail address or phone number; ETag and 304; gzip; {@code since};
 * bad input; and the DCAT-AP catalogue, valid against the official DCAT-AP 3.0.1 SHACL shapes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.demo-data.enabled=true", "citystep.open-data.stamp-ttl=1s",
        "citystep.open-data.base-url=https://citystep.example.org",
        "citystep.elasticsearch.index-prefix=citystep-test-opendata-${random.uuid}"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final List<String> DATASETS = List.of("case-studies", "cities", "assessments", "experts", "clusters",
            "maturity-distribution");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    /** Every string of every contact in the demo data set: names, e-mail addresses, phone numbers. */
    Set<String> personal;

    @BeforeAll
    void demoData() throws IOException, InterruptedException {
        personal = new HashSet<>();
        for (String seed : List.of("seed/pilot-cities.json", "seed/case-studies.json")) {
            try (InputStream in = new ClassPathResource(seed).getInputStream()) {
                collectContacts(JSON.readTree(in), false);
            }
        }
        assertThat(personal).as("contacts in the demo data").contains("mobility@amsterdam.example", "demo-expert@example.org",
                "Smart Mobility Team (demo)");
        // the demo data set is complete once its experts are there, and its case studies searchable
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                get("/api/v1/experts/demo-expert", Map.of()).statusCode() == 200
                        && JSON.readTree(get("/api/v1/search?q=smart", Map.of()).body()).get("total").asLong() > 0);
        activeCluster();
    }

    /** The demo data has no active cluster: Amsterdam proposes one, a curator approves it. */
    private void activeCluster() throws IOException, InterruptedException {
        Map<String, Object> proposal = Map.of("id", "open-data-cluster", "name", Map.of("en", "Open data together"),
                "purpose", Map.of("en", "Publish what cities learn."),
                "topic", Map.of("serviceDomains", List.of("OPEN_DATA"), "keywords", List.of("open data")),
                "leadCityId", "amsterdam", "invitedCityIds", List.of());
        assertThat(send("POST", "/api/v1/clusters", "editor.amsterdam", proposal).statusCode()).isEqualTo(201);
        long version = JSON.readTree(send("GET", "/api/v1/clusters/open-data-cluster", "curator.demo", null).body())
                .get("version").asLong();
        assertThat(send("POST", "/api/v1/clusters/open-data-cluster/approve", "curator.demo", Map.of("version", version))
                .statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String user, Object body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void collectContacts(JsonNode node, boolean inContact) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (inContact && List.of("name", "email", "phone").contains(field.getKey()) && field.getValue().isString()) {
                    personal.add(field.getValue().asString());
                }
                collectContacts(field.getValue(), inContact || field.getKey().equals("contact")
                        || field.getKey().equals("contacts"));
            });
        }
        else if (node.isArray()) {
            node.forEach(item -> collectContacts(item, inContact));
        }
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listsTheDatasetsInBothLanguagesWithTheirLicenceFormatsAndSize() throws Exception {
        HttpResponse<String> answer = get("/api/v1/exports", Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode listed = JSON.readTree(answer.body());
        List<String> ids = new ArrayList<>();
        listed.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).containsExactlyElementsOf(DATASETS);
        JsonNode studies = listed.get("items").get(0);
        assertThat(studies.get("title").get("en").asString()).isEqualTo("Good-practice case studies");
        assertThat(studies.get("title").get("zh").asString()).isEqualTo("良好实践案例");
        assertThat(studies.get("licence").get("id").asString()).isEqualTo("CC-BY-4.0");
        assertThat(studies.get("records").asLong()).isPositive();
        assertThat(Instant.parse(studies.get("lastModified").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(studies.get("links").get("csv").asString()).isEqualTo("/api/v1/exports/case-studies?format=csv");
        assertThat(listed.get("catalog").get("turtle").asString()).isEqualTo("/api/v1/catalog?format=turtle");

        // the records listed are the records exported
        long lines = get("/api/v1/exports/case-studies", Map.of()).body().lines().count();
        assertThat(lines).isEqualTo(studies.get("records").asLong());
    }

    @Test
    void everyDatasetInBothFormatsAndNoPersonalDataInAny() throws Exception {
        for (String dataset : DATASETS) {
            HttpResponse<String> jsonl = get("/api/v1/exports/" + dataset + "?format=jsonl", Map.of());
            assertThat(jsonl.statusCode()).as(dataset).isEqualTo(200);
            assertThat(jsonl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
            assertThat(jsonl.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("citystep-" + dataset + ".jsonl");
            List<String> records = jsonl.body().lines().toList();
            assertThat(records).as(dataset + " has records").isNotEmpty();
            records.forEach(line -> assertThat(JSON.readTree(line).isObject()).isTrue());

            HttpResponse<String> csv = get("/api/v1/exports/" + dataset + "?format=csv", Map.of());
            assertThat(csv.statusCode()).as(dataset).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords();
            assertThat(rows).as(dataset + ": one CSV row per JSON line").hasSize(records.size());

            for (String body : List.of(jsonl.body(), csv.body())) {
                assertThat(EMAIL.matcher(body).find()).as(dataset + " holds no e-mail address").isFalse();
                for (String value : personal) {
                    assertThat(body).as(dataset + " holds no contact").doesNotContain(value);
                }
            }
        }
        // what is exported is what is public: a published case study, a validated level, an approved expert
        assertThat(get("/api/v1/exports/case-studies", Map.of()).body()).contains("\"licence\":\"CC-BY-4.0\"")
                .doesNotContain("\"status\"", "\"audit\"", "\"contact\"");
        assertThat(get("/api/v1/exports/cities?format=csv", Map.of()).body().lines().findFirst().orElseThrow())
                .startsWith("id,name_en,name_zh,country,region").contains("level_FUNDING");
        assertThat(get("/api/v1/exports/maturity-distribution?format=csv", Map.of()).body())
                .contains("region,EU,FUNDING", "country,", "year,");
    }

    @Test
    void anUnchangedDatasetIsNotSentAgainAndGzipIsUsedWhenAsked() throws Exception {
        HttpResponse<String> first = get("/api/v1/exports/cities", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"cities-jsonl-all-");
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        HttpResponse<String> again = get("/api/v1/exports/cities", Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/api/v1/exports/cities?format=csv", Map.of("If-None-Match", etag)).statusCode())
                .as("another format is another representation").isEqualTo(200);

        HttpResponse<byte[]> zipped = getBytes("/api/v1/exports/case-studies", Map.of("Accept-Encoding", "gzip"));
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String unzipped;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).isEqualTo(get("/api/v1/exports/case-studies", Map.of()).body());
        assertThat(zipped.body().length).isLessThan(unzipped.getBytes(StandardCharsets.UTF_8).length / 2);
    }

    @Test
    void sinceGivesWhatChangedAfterIt() throws Exception {
        List<String> all = get("/api/v1/exports/cities", Map.of()).body().lines().toList();
        assertThat(get("/api/v1/exports/cities?since=2000-01-01T00:00:00Z", Map.of()).body().lines()).hasSameSizeAs(all);
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        assertThat(get("/api/v1/exports/cities?since=" + future, Map.of()).body()).isEmpty();
        assertThat(get("/api/v1/exports/cities?format=csv&since=" + future, Map.of()).body().lines())
                .singleElement().asString().startsWith("id,");
        // the latest change is in the answer after a moment just before it
        Instant latest = all.stream().map(line -> Instant.parse(JSON.readTree(line).get("updatedAt").asString()))
                .max(Instant::compareTo).orElseThrow();
        assertThat(get("/api/v1/exports/cities?since=" + latest.minusMillis(1), Map.of()).body().lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(Instant.parse(JSON.readTree(line).get("updatedAt").asString())).isAfter(
                        latest.minusMillis(1)));
    }

    @Test
    void aRetiredCityLeavesTheCitiesTheAssessmentsAndTheFigures() throws Exception {
        String retired = "venice";
        String city = "\"cityId\":\"" + retired + "\"";
        assertThat(get("/api/v1/exports/assessments", Map.of()).body().contains(city)).as("Venice assessed").isTrue();
        assertThat(get("/api/v1/exports/case-studies", Map.of()).body().contains(city)).as("Venice published").isTrue();
        long version = JSON.readTree(send("GET", "/api/v1/admin/cities/" + retired, "admin.demo", null).body())
                .get("version").asLong();
        assertThat(send("POST", "/api/v1/admin/cities/" + retired + "/retire", "admin.demo", Map.of("version", version))
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("/api/v1/exports/cities", Map.of()).body().contains("\"id\":\"" + retired + "\""))
                    .as("in cities").isFalse();
            assertThat(get("/api/v1/exports/assessments", Map.of()).body().contains(city)).as("in assessments").isFalse();
            assertThat(get("/api/v1/exports/case-studies", Map.of()).body().contains(city)).as("in case studies").isFalse();
        });
        List<JsonNode> rounds = get("/api/v1/exports/assessments", Map.of()).body().lines().map(JSON::readTree).toList();
        long assessedCities = rounds.stream().map(round -> round.get("cityId").asString()).distinct().count();
        long citiesAndYears = rounds.stream()
                .map(round -> round.get("cityId").asString() + "@" + round.get("assessedAt").asString().substring(0, 4))
                .distinct().count();
        // region and country are counted by the search read model, which follows the retirement within
        // seconds; the years are counted from the rounds themselves
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> citiesPerGrouping = new java.util.HashMap<>();
            get("/api/v1/exports/maturity-distribution", Map.of()).body().lines().map(JSON::readTree)
                    .filter(row -> row.get("characteristic").asString().equals("FUNDING"))
                    .forEach(row -> citiesPerGrouping.merge(row.get("groupBy").asString(), row.get("cities").asLong(),
                            Long::sum));
            assertThat(citiesPerGrouping).as("cities counted per grouping")
                    .containsEntry("region", assessedCities).containsEntry("country", assessedCities);
            assertThat(citiesPerGrouping).as("a city counts once in each year it was assessed")
                    .containsEntry("year", citiesAndYears);
        });
    }

    @Test
    void badInputIsAClearProblem() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/exports/passwords", Map.of("Accept-Language", "zh-CN"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("数据集", "passwords");
        HttpResponse<String> format = get("/api/v1/exports/cities?format=xlsx", Map.of());
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("xlsx", "jsonl or csv");
        HttpResponse<String> since = get("/api/v1/exports/cities?since=yesterday", Map.of("Accept-Language", "de-DE"));
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("ISO 8601");
        assertThat(get("/api/v1/catalog?format=rdfxml", Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/exports/%7B%22$gt%22:%22%22%7D", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogueIsValidDcatApInJsonLdAndTurtle() throws Exception {
        HttpResponse<String> jsonLd = get("/api/v1/catalog", Map.of());
        assertThat(jsonLd.statusCode()).isEqualTo(200);
        assertThat(jsonLd.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        HttpResponse<String> turtle = get("/api/v1/catalog", Map.of("Accept", "text/turtle"));
        assertThat(turtle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        assertThat(get("/api/v1/catalog?format=turtle", Map.of()).body()).isEqualTo(turtle.body());

        Model fromTurtle = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(fromTurtle);
        Model fromJsonLd = ModelFactory.createDefaultModel();
        RDFParser.fromString(jsonLd.body(), Lang.JSONLD11).parse(fromJsonLd);
        assertThat(fromJsonLd.isIsomorphicWith(fromTurtle)).as("the same catalogue in both syntaxes").isTrue();

        Graph shapesGraph = ModelFactory.createDefaultModel().getGraph();
        RDFDataMgr.read(shapesGraph, new ClassPathResource("dcat-ap-3.0.1/dcat-ap-SHACL.ttl").getURL().toString());
        RDFDataMgr.read(shapesGraph, new ClassPathResource("dcat-ap-3.0.1/ranges.ttl").getURL().toString());
        // ranges.ttl of DCAT-AP 3.0.1 names five property shapes (of dcat:Dataset, dcat:Distribution and
        // dcat:Relationship) that neither file defines, which Jena's strict parser refuses. They constrain nothing (they
        // have no definition), so the references are dropped; the count pins the files as they are.
        Node property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        List<Triple> dangling = shapesGraph.find(Node.ANY, property, Node.ANY)
                .filterDrop(reference -> shapesGraph.contains(reference.getObject(), Node.ANY, Node.ANY)).toList();
        dangling.forEach(shapesGraph::delete);
        assertThat(dangling).as("dangling shape references in the official files").hasSize(5)
                .allSatisfy(reference -> assertThat(reference.getSubject().getURI()).containsAnyOf("#dcat:RelationshipShape",
                        "#dcat:DatasetShape", "#dcat:DistributionShape"));
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), fromTurtle.getGraph());
        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertThat(report.conforms()).as("valid DCAT-AP 3.0.1").isTrue();

        assertThat(turtle.body()).contains("dcat:Catalog", "https://citystep.example.org/api/v1/exports/case-studies?format=csv",
                "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "\"良好实践案例\"@zh",
                "http://publications.europa.eu/resource/authority/data-theme/REGI");
        long datasets = fromTurtle.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                org.apache.jena.vocabulary.DCAT.Dataset).toList().size();
        assertThat(datasets).isEqualTo(DATASETS.size());
    }
}
