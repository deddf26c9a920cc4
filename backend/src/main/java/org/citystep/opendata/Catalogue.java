package org.citystep.opendata;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.citystep.shared.explain.Reason;
import org.citystep.shared.i18n.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The DCAT-AP 3.0 catalogue of the datasets, as data portals (data.europa.eu, CKAN) harvest it:
 * built as an RDF model with Apache Jena and written as JSON-LD or Turtle. Each dataset has its
 * title and description in English and Chinese, publisher, contact point, themes of the EU
 * data-theme vocabulary, languages, spatial and temporal coverage, modification date, and one
 * distribution per export format with its licence (CC BY 4.0; where case studies name other
 * licences, no licence for the file as a whole but a rights statement: each record's own licence
 * prevails, and which others there are).
 */
@Service
public class Catalogue {

    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String CC_BY_4_0 = EU + "licence/CC_BY_4_0";
    private static final String DATA_THEMES = EU + "data-theme";
    private static final List<String> LANGUAGES = List.of(EU + "language/ENG", EU + "language/ZHO");
    private static final List<String> SPATIAL = List.of(EU + "continent/EUROPE", EU + "continent/ASIA");
    private static final String IANA = "http://www.iana.org/assignments/media-types/";

    /** The labels of the EU data themes used here, as the vocabulary has them. */
    private static final Map<String, String> THEME_LABELS = Map.of("GOVE", "Government and public sector",
            "TECH", "Science and technology", "REGI", "Regions and cities", "EDUC", "Education, culture and sport");

    /** Themes of the EU data-theme vocabulary per dataset. */
    private static final Map<Dataset, List<String>> THEMES = Map.of(
            Dataset.CASE_STUDIES, List.of("GOVE", "TECH", "REGI"),
            Dataset.CITIES, List.of("REGI", "GOVE"),
            Dataset.ASSESSMENTS, List.of("GOVE", "REGI"),
            Dataset.EXPERTS, List.of("TECH", "EDUC"),
            Dataset.CLUSTERS, List.of("REGI", "GOVE"),
            Dataset.MATURITY_DISTRIBUTION, List.of("REGI", "GOVE", "TECH"));

    /** How a catalogue is written. */
    public enum Syntax {
        JSON_LD("application/ld+json"),
        TURTLE("text/turtle");

        private final String mediaType;

        Syntax(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private final Exports exports;
    private final Messages messages;
    private final OpenDataProperties properties;

    Catalogue(Exports exports, Messages messages, OpenDataProperties properties) {
        this.exports = exports;
        this.messages = messages;
        this.properties = properties;
    }

    /** The catalogue in {@code syntax}, and when its latest dataset changed. */
    public record Written(String text, @Nullable Instant modified) {
    }

    public Mono<Written> write(Syntax syntax) {
        return Flux.fromArray(Dataset.values())
                // a dataset that cannot be counted now (Elasticsearch down) is listed without its dates
                .concatMap(dataset -> exports.stamp(dataset).onErrorReturn(DatasetStamp.EMPTY)
                        .map(stamp -> Map.entry(dataset, stamp)))
                .collectList()
                // Jena (every class of it) reads its own resources on first use: off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(stamps -> {
                    Model model = model(stamps);
                    StringWriter out = new StringWriter();
                    RDFDataMgr.write(out, model, syntax == Syntax.TURTLE ? RDFFormat.TURTLE_PRETTY : RDFFormat.JSONLD11);
                    Instant modified = stamps.stream().map(entry -> entry.getValue().lastModified())
                            .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
                    return new Written(out.toString(), modified);
                });
    }

    Model model(List<Map.Entry<Dataset, DatasetStamp>> stamps) {
        String base = properties.baseUrl().replaceAll("/+$", "");
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF.NS);
        model.setNsPrefix("vcard", VCARD4.NS);
        model.setNsPrefix("skos", SKOS.getURI());

        Resource licence = model.createResource(CC_BY_4_0).addProperty(RDF.type, DCTerms.LicenseDocument);
        Resource publisher = model.createResource(base + "/#publisher").addProperty(RDF.type, FOAF.Agent)
                .addProperty(FOAF.name, "CityStep", "en").addProperty(FOAF.name, "CityStep", "zh")
                .addProperty(FOAF.homepage, model.createResource(base + "/").addProperty(RDF.type, FOAF.Document));
        Resource landingPage = model.createResource(base + "/open-data").addProperty(RDF.type, FOAF.Document);
        Resource contact = model.createResource(base + "/#contact").addProperty(RDF.type, VCARD4.Kind)
                .addProperty(RDF.type, VCARD4.Organization)
                .addProperty(VCARD4.fn, "CityStep open data")
                .addProperty(VCARD4.hasURL, landingPage);
        Resource themes = model.createResource(DATA_THEMES).addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(DCTerms.title, "Data theme", "en");
        List<Resource> languages = LANGUAGES.stream()
                .map(uri -> model.createResource(uri).addProperty(RDF.type, DCTerms.LinguisticSystem)).toList();
        List<Resource> places = SPATIAL.stream()
                .map(uri -> model.createResource(uri).addProperty(RDF.type, DCTerms.Location)).toList();

        Resource catalog = model.createResource(base + "/api/v1/catalog").addProperty(RDF.type, DCAT.Catalog);
        text(catalog, DCTerms.title, messages.both("opendata.catalog.title"));
        text(catalog, DCTerms.description, messages.both("opendata.catalog.description"));
        catalog.addProperty(DCTerms.publisher, publisher).addProperty(FOAF.homepage, landingPage)
                .addProperty(DCTerms.license, licence).addProperty(DCAT.themeTaxonomy, themes);
        languages.forEach(language -> catalog.addProperty(DCTerms.language, language));
        places.forEach(place -> catalog.addProperty(DCTerms.spatial, place));

        Instant catalogModified = null;
        for (Map.Entry<Dataset, DatasetStamp> entry : stamps) {
            Dataset dataset = entry.getKey();
            DatasetStamp stamp = entry.getValue();
            Resource described = model.createResource(base + "/api/v1/exports/" + dataset.id() + "#dataset")
                    .addProperty(RDF.type, DCAT.Dataset)
                    .addProperty(DCTerms.identifier, dataset.id())
                    .addProperty(DCTerms.publisher, publisher)
                    .addProperty(DCAT.contactPoint, contact)
                    .addProperty(DCAT.landingPage, landingPage)
                    .addProperty(DCAT.keyword, "smart city", "en").addProperty(DCAT.keyword, "智慧城市", "zh");
            text(described, DCTerms.title, messages.both("opendata.dataset." + dataset.id() + ".title"));
            text(described, DCTerms.description, messages.both("opendata.dataset." + dataset.id() + ".description"));
            THEMES.get(dataset).forEach(code -> described.addProperty(DCAT.theme, model.createResource(DATA_THEMES + "/" + code)
                    .addProperty(RDF.type, SKOS.Concept).addProperty(SKOS.prefLabel, THEME_LABELS.get(code), "en")
                    .addProperty(SKOS.inScheme, themes)));
            languages.forEach(language -> described.addProperty(DCTerms.language, language));
            places.forEach(place -> described.addProperty(DCTerms.spatial, place));
            if (stamp.firstChange() != null && stamp.lastModified() != null) {
                described.addProperty(DCTerms.temporal, model.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime)
                        .addProperty(DCAT.startDate, dateTime(model, stamp.firstChange()))
                        .addProperty(DCAT.endDate, dateTime(model, stamp.lastModified())));
            }
            if (stamp.lastModified() != null) {
                described.addProperty(DCTerms.modified, dateTime(model, stamp.lastModified()));
                catalogModified = catalogModified == null || stamp.lastModified().isAfter(catalogModified)
                        ? stamp.lastModified() : catalogModified;
            }
            for (ExportFormat format : ExportFormat.values()) {
                Resource file = model.createResource(base + "/api/v1/exports/" + dataset.id() + "?format=" + format.id());
                Resource distribution = model.createResource(base + "/api/v1/exports/" + dataset.id() + "#" + format.id())
                        .addProperty(RDF.type, DCAT.Distribution)
                        .addProperty(DCAT.accessURL, file)
                        .addProperty(DCAT.downloadURL, file)
                        .addProperty(DCTerms.format, model.createResource(format.euFileType())
                                .addProperty(RDF.type, DCTerms.MediaTypeOrExtent))
                        .addProperty(DCAT.mediaType, model.createResource(IANA + format.mediaType())
                                .addProperty(RDF.type, DCTerms.MediaType));
                // a file with records under other licences is not labelled CC BY 4.0 as a whole: its rights say how
                if (stamp.otherLicences().isEmpty()) {
                    distribution.addProperty(DCTerms.license, licence);
                }
                text(distribution, DCTerms.title, messages.both("opendata.distribution." + format.id(),
                        language -> new Object[] {messages.get("opendata.dataset." + dataset.id() + ".title",
                                java.util.Locale.forLanguageTag(language))}));
                if (!stamp.otherLicences().isEmpty()) {
                    distribution.addProperty(DCTerms.rights, model.createResource().addProperty(RDF.type, DCTerms.RightsStatement)
                            .addProperty(DCTerms.description, messages.get("opendata.rights.perRecord", java.util.Locale.ENGLISH,
                                    String.join(", ", stamp.otherLicences())), "en")
                            .addProperty(DCTerms.description, messages.get("opendata.rights.perRecord",
                                    java.util.Locale.SIMPLIFIED_CHINESE, String.join(", ", stamp.otherLicences())), "zh"));
                }
                if (stamp.lastModified() != null) {
                    distribution.addProperty(DCTerms.modified, dateTime(model, stamp.lastModified()));
                }
                described.addProperty(DCAT.distribution, distribution);
            }
            catalog.addProperty(DCAT.dataset, described);
        }
        if (catalogModified != null) {
            catalog.addProperty(DCTerms.modified, dateTime(model, catalogModified));
        }
        return model;
    }

    private static void text(Resource resource, org.apache.jena.rdf.model.Property property, Reason text) {
        resource.addProperty(property, text.en(), "en").addProperty(property, text.zh(), "zh");
    }

    private static org.apache.jena.rdf.model.Literal dateTime(Model model, Instant instant) {
        return model.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
    }
}
