package bridgemap.openreferral;

import bridgemap.openreferral.HsdsRecords.Organization;
import bridgemap.openreferral.HsdsRecords.ServiceRecord;
import bridgemap.openreferral.HsdsRecords.TaxonomyTerm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bridgemap's service map as the read-only API of HSDS 3.0 ({@code schema/openapi.json} of the specification): the
 * documents of {@code /services}, {@code /services/{id}}, {@code /organizations}, {@code /organizations/{id}},
 * {@code /taxonomies}, {@code /taxonomies/{id}}, {@code /taxonomy_terms}, {@code /taxonomy_terms/{id}}. Lists are
 * pages with the specification's fields ({@code total_items}, {@code total_pages}, {@code page_number}, {@code size} —
 * the number of entities on this page —, {@code first_page}, {@code last_page}, {@code empty}, {@code contents}); a
 * page past the last is empty, not an error. Ids are matched without regard to case (UUIDs are case-insensitive).
 * A feed is a snapshot of the store when it was made.
 */
public final class OpenReferralFeed {

    /** The largest page a caller may ask for. */
    public static final int MAX_PER_PAGE = 1000;
    /** The page size when the caller names none. */
    public static final int DEFAULT_PER_PAGE = 50;

    /** A page asked for: {@code page} from 1, {@code perPage} from 1 to {@link #MAX_PER_PAGE}. */
    public record PageRequest(int page, int perPage) {

        public PageRequest {
            if (page < 1) {
                throw new IllegalArgumentException("page must be 1 or more");
            }
            if (perPage < 1 || perPage > MAX_PER_PAGE) {
                throw new IllegalArgumentException("per_page must be from 1 to " + MAX_PER_PAGE);
            }
        }
    }

    private final HsdsRecords records;
    private final Map<String, Organization> organizations = new HashMap<>();

    OpenReferralFeed(HsdsRecords records) {
        this.records = Objects.requireNonNull(records, "records");
        records.organizations().forEach(o -> organizations.put(o.id(), o));
    }

    /** Services as listed, optionally only those of an organisation or linked to a taxonomy term (by id). */
    public ObjectNode services(PageRequest request, String organizationId, String taxonomyTermId) {
        List<ServiceRecord> chosen = records.services().stream()
                .filter(s -> organizationId == null || s.organizationId().equalsIgnoreCase(organizationId))
                .filter(s -> taxonomyTermId == null || s.attributes().stream()
                        .anyMatch(a -> a.term().id().equalsIgnoreCase(taxonomyTermId)))
                .toList();
        return page(chosen, request, s -> HsdsJson.serviceListed(s, organizations.get(s.organizationId())));
    }

    public Optional<ObjectNode> service(String id) {
        return records.service(id).map(s -> HsdsJson.serviceFull(s, organizations.get(s.organizationId())));
    }

    /** Every service in full, in order: the export's JSON serialisation. */
    List<ObjectNode> everyService() {
        return records.services().stream().map(s -> HsdsJson.serviceFull(s, organizations.get(s.organizationId()))).toList();
    }

    public ObjectNode organizations(PageRequest request) {
        return page(records.organizations(), request, HsdsJson::organizationListed);
    }

    public Optional<ObjectNode> organization(String id) {
        return records.organization(id).map(o -> HsdsJson.organizationFull(o,
                records.services().stream().filter(s -> s.organizationId().equals(o.id())).toList()));
    }

    public ObjectNode taxonomies(PageRequest request) {
        return page(List.of(records.taxonomy()), request, HsdsJson::taxonomy);
    }

    public Optional<ObjectNode> taxonomy(String id) {
        return records.taxonomy().id().equalsIgnoreCase(id) ? Optional.of(HsdsJson.taxonomy(records.taxonomy())) : Optional.empty();
    }

    /** Taxonomy terms, optionally only those of a taxonomy (by id). */
    public ObjectNode taxonomyTerms(PageRequest request, String taxonomyId) {
        List<TaxonomyTerm> chosen = records.terms().stream()
                .filter(t -> taxonomyId == null || t.taxonomyId().equalsIgnoreCase(taxonomyId)).toList();
        return page(chosen, request, HsdsJson::term);
    }

    public Optional<ObjectNode> taxonomyTerm(String id) {
        return records.terms().stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst().map(HsdsJson::term);
    }

    private static <T> ObjectNode page(List<T> items, PageRequest request, Function<T, ? extends JsonNode> json) {
        int total = items.size();
        int totalPages = (total + request.perPage() - 1) / request.perPage();
        long from = (long) (request.page() - 1) * request.perPage();
        List<T> onPage = from >= total ? List.of() : items.subList((int) from, (int) Math.min(total, from + request.perPage()));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("total_items", total);
        page.put("total_pages", totalPages);
        page.put("page_number", request.page());
        page.put("size", onPage.size());
        page.put("first_page", request.page() == 1);
        page.put("last_page", request.page() >= totalPages);
        page.put("empty", onPage.isEmpty());
        page.putArray("contents").addAll(onPage.stream().map(json).map(JsonNode.class::cast).toList());
        return page;
    }
}
