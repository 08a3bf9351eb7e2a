package bridgemap.openreferral;

import bridgemap.openreferral.HsdsRecords.Area;
import bridgemap.openreferral.HsdsRecords.Attribute;
import bridgemap.openreferral.HsdsRecords.Identifier;
import bridgemap.openreferral.HsdsRecords.Organization;
import bridgemap.openreferral.HsdsRecords.ServiceRecord;
import bridgemap.openreferral.HsdsRecords.Taxonomy;
import bridgemap.openreferral.HsdsRecords.TaxonomyTerm;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * HSDS records in the JSON form of HSDS 3.0, as its compiled schemas define each representation: a service in full
 * ({@code schema/compiled/service.json}: its service areas, attributes with their taxonomy terms, and its organisation
 * with identifiers and attributes), a service as listed ({@code service_list.json}: one-to-one fields and its
 * organisation's), an organisation in full ({@code organization.json}, with its services as listed) and as listed, a
 * taxonomy, a taxonomy term. Only properties the schemas define are written, and a field without a value is left out
 * (never {@code null} or empty: {@code ""} is no URI or UUID). The shapes are fixed by the specification, not by
 * Bridgemap, so they are built as JSON trees rather than Java records.
 */
final class HsdsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HsdsJson() {}

    static ObjectNode serviceFull(ServiceRecord s, Organization o) {
        ObjectNode node = serviceListed(s, null);
        ArrayNode areas = node.putArray("service_areas");
        for (Area a : s.areas()) {
            ObjectNode area = areas.addObject();
            put(area, "id", a.id());
            put(area, "service_id", a.serviceId());
            put(area, "name", a.name());
            put(area, "uri", a.uri());
        }
        node.set("attributes", attributes(s.attributes()));
        if (o != null) {
            node.set("organization", organizationWithDetails(o));
        }
        return node;
    }

    /** A service as {@code /services} lists it; its organisation's one-to-one fields when {@code o} is given. */
    static ObjectNode serviceListed(ServiceRecord s, Organization o) {
        ObjectNode node = JSON.objectNode();
        put(node, "id", s.id());
        put(node, "organization_id", s.organizationId());
        put(node, "name", s.name());
        put(node, "description", s.description());
        put(node, "status", s.status());
        if (o != null) {
            node.set("organization", organizationListed(o));
        }
        return node;
    }

    static ObjectNode organizationFull(Organization o, List<ServiceRecord> services) {
        ObjectNode node = organizationWithDetails(o);
        ArrayNode list = node.putArray("services");
        services.forEach(s -> list.add(serviceListed(s, null)));
        return node;
    }

    static ObjectNode organizationListed(Organization o) {
        ObjectNode node = JSON.objectNode();
        put(node, "id", o.id());
        put(node, "name", o.name());
        put(node, "description", o.description());
        return node;
    }

    private static ObjectNode organizationWithDetails(Organization o) {
        ObjectNode node = organizationListed(o);
        ArrayNode identifiers = node.putArray("organization_identifiers");
        for (Identifier i : o.identifiers()) {
            ObjectNode identifier = identifiers.addObject();
            put(identifier, "id", i.id());
            put(identifier, "organization_id", i.organizationId());
            put(identifier, "identifier_scheme", i.scheme());
            put(identifier, "identifier_type", i.type());
            put(identifier, "identifier", i.identifier());
        }
        node.set("attributes", attributes(o.attributes()));
        return node;
    }

    private static ArrayNode attributes(List<Attribute> attributes) {
        ArrayNode list = JSON.arrayNode();
        for (Attribute a : attributes) {
            ObjectNode attribute = list.addObject();
            put(attribute, "id", a.id());
            put(attribute, "link_id", a.linkId());
            put(attribute, "taxonomy_term_id", a.term().id());
            put(attribute, "link_type", a.linkType());
            put(attribute, "link_entity", a.linkEntity());
            put(attribute, "value", a.value());
            attribute.set("taxonomy_term", term(a.term()));
        }
        return list;
    }

    static ObjectNode taxonomy(Taxonomy t) {
        ObjectNode node = JSON.objectNode();
        put(node, "id", t.id());
        put(node, "name", t.name());
        put(node, "description", t.description());
        put(node, "version", t.version());
        return node;
    }

    static ObjectNode term(TaxonomyTerm t) {
        ObjectNode node = JSON.objectNode();
        put(node, "id", t.id());
        put(node, "code", t.code());
        put(node, "name", t.name());
        put(node, "description", t.description());
        put(node, "taxonomy", t.taxonomy());
        put(node, "taxonomy_id", t.taxonomyId());
        return node;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
