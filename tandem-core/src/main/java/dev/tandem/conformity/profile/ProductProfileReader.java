package dev.tandem.conformity.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tandem.conformity.profile.ProductProfile.EuFiling;
import dev.tandem.conformity.profile.ProductProfile.Manufacturer;
import dev.tandem.conformity.profile.ProductProfile.NotifiedBody;
import dev.tandem.conformity.profile.ProductProfile.Party;
import dev.tandem.conformity.profile.ProductProfile.SbomReference;
import dev.tandem.conformity.profile.ProductProfile.Sensor;
import dev.tandem.conformity.profile.ProductProfile.Signatory;
import dev.tandem.conformity.profile.ProductProfile.Specification;
import dev.tandem.conformity.profile.ProductProfile.VulnerabilityDisclosure;
import dev.tandem.conformity.profile.ProductProfile.SupportPeriod;
import dev.tandem.conformity.profile.ProductProfile.TextLink;
import dev.tandem.conformity.profile.ProductProfile.UsFiling;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a product profile from YAML or JSON (docs/formats/product-profile.md). */
public final class ProductProfileReader {

    /**
     * A profile is a few kilobytes of facts and evidence links; far larger input is refused before
     * parsing so that a hostile file cannot keep the parser busy (a 30 MB scalar took minutes). Front
     * ends reading a file stop reading here.
     */
    public static final long MAX_BYTES = 2L << 20;

    /** Limits for profiles: the size above, shallow nesting, no text value beyond ProfileNode's ceiling. */
    private static final InputLimits LIMITS = new InputLimits(MAX_BYTES, 64, ProfileNode.MAX_TEXT_LENGTH + 1,
            InputLimits.DEFAULT.maxArchiveEntries(), InputLimits.DEFAULT.maxArchiveBytes());
    private static final ObjectMapper JSON = JsonInput.json(LIMITS);
    private static final ObjectMapper YAML = JsonInput.yaml(LIMITS);

    private ProductProfileReader() {
    }

    /** A tree reader that refuses a key given twice in one mapping instead of keeping the last silently. */
    private static ObjectReader reader(boolean json) {
        return (json ? JSON : YAML).reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    private static InputException tooLarge(String name, long size) {
        return new InputException(name, InputPosition.UNKNOWN, "a product profile may have at most " + MAX_BYTES
                + " bytes; this one has " + size);
    }

    /** Reads a profile document; a source name ending in {@code .json} is parsed as JSON, anything else as YAML. */
    public static ProductProfile read(InputDocument document) throws InputException {
        String name = document.source();
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        byte[] content = document.content();
        if (content.length > MAX_BYTES) {
            throw tooLarge(name, content.length);
        }
        try {
            if (!json) {
                // SnakeYAML slows to a crawl on very long lines: refuse them before parsing.
                JsonInput.checkYamlShape(name, content);
            }
            return parse(name, reader(json).readTree(content));
        } catch (JsonProcessingException e) {
            throw parseError(name, e);
        } catch (IOException e) {
            throw new InputException(name, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (aliases, code points) as unchecked exceptions.
            throw new InputException(name, InputPosition.UNKNOWN, "malformed document: " + firstLine(e.getMessage()), e);
        }
    }

    /** Reads a profile from text, for tests and for profiles that do not live in a file. */
    public static ProductProfile read(String sourceName, String text, boolean json) throws InputException {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(sourceName, text.length());
        }
        try {
            if (!json) {
                JsonInput.checkYamlShape(sourceName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return parse(sourceName, reader(json).readTree(text));
        } catch (JsonProcessingException e) {
            throw parseError(sourceName, e);
        } catch (RuntimeException e) {
            throw new InputException(sourceName, InputPosition.UNKNOWN, "malformed document: " + firstLine(e.getMessage()), e);
        }
    }

    /** Jackson's error, with its wording for the two profile limits replaced by plain words. */
    private static InputException parseError(String name, JsonProcessingException e) {
        InputException error = JsonInput.error(name, e);
        Matcher duplicate = Pattern.compile("^Duplicate field '(.*)' for").matcher(error.problem());
        if (duplicate.find()) {
            return new InputException(name, error.position(), "key '" + duplicate.group(1)
                    + "' is given twice in one mapping (a second value would silently replace the first)", e);
        }
        if (error.problem().startsWith("Document nesting depth")) {
            return new InputException(name, error.position(), "nested deeper than " + LIMITS.maxNestingDepth()
                    + " levels; a product profile needs far fewer", e);
        }
        return error;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline > 0 ? message.substring(0, newline) : message;
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static ProductProfile parse(String file, JsonNode tree) throws InputException {
        ProfileNode root = ProfileNode.root(file, tree);
        List<String> warnings = new ArrayList<>();
        String product = root.requiredText("product");
        String version = root.text("version");
        String model = root.text("model");
        Manufacturer manufacturer = manufacturer(root, warnings);
        String classText = root.text("craClass");
        // The class as stated; the assessment derives the class from the category and checks the two agree.
        CraClass craClass = classText == null ? null : CraClass.parse(classText)
                .orElseThrow(() -> root.error("craClass", "unknown CRA class '" + classText
                        + "' (expected default, important-i, important-ii or critical)"));
        List<String> craCategories = root.texts("craCategory");
        List<String> markets = root.texts("markets").stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        var placedOnMarket = root.date("placedOnMarket");
        SupportPeriod support = null;
        ProfileNode supportNode = root.object("supportPeriod");
        if (supportNode != null) {
            support = new SupportPeriod(supportNode.date("end"), supportNode.integer("expectedUseYears"),
                    supportNode.text("rationale"), supportNode.text("supportType"));
            supportNode.rejectUnknown();
        }
        List<SbomReference> sboms = new ArrayList<>();
        for (ProfileNode s : root.objects("sbom")) {
            JsonNode available = s.raw("availableToUsers");
            SbomReference ref = new SbomReference(s.text("path"), s.text("url"), s.text("format"),
                    available.isMissingNode() ? null : s.bool("availableToUsers", false));
            if (ref.path() == null && ref.url() == null) {
                throw new InputException(file, InputPosition.pointer(s.pointer()), "an SBOM reference needs a path or a url");
            }
            s.rejectUnknown();
            sboms.add(ref);
        }
        EuFiling eu = eu(root.object("eu"), warnings);
        UsFiling us = us(root.object("us"), warnings);
        Map<String, Map<String, Evidence>> evidence = evidence(root.object("evidence"), warnings);
        String intendedPurpose = root.text("intendedPurpose");
        VulnerabilityDisclosure cvd = null;
        ProfileNode cvdNode = root.object("cvd");
        if (cvdNode != null) {
            cvd = new VulnerabilityDisclosure(contact(cvdNode, "contact"), cvdNode.text("policyUrl"));
            cvdNode.rejectUnknown();
        }
        String etsi = root.text("etsiEn303645");
        root.rejectUnknown();
        return new ProductProfile(file, product, version, model, manufacturer, craClass, craCategories, markets,
                placedOnMarket, support, sboms, eu, us, evidence, warnings, intendedPurpose, cvd, etsi);
    }

    /**
     * A contact that is a URL or an e-mail address: text with "://" is taken as a URL, anything else must
     * be an RFC 5321 mailbox (any domain), so a typo is caught here rather than in a filed document.
     */
    private static String contact(ProfileNode node, String key) throws InputException {
        String value = node.text(key);
        if (value == null || value.contains("://")) {
            return value;
        }
        return mailbox(node, key, value, "neither a URL (with '://') nor an RFC 5321 e-mail address");
    }

    private static String mailbox(ProfileNode node, String key, String value, String what) throws InputException {
        var problem = MailboxAddress.problem(value);
        if (problem.isPresent()) {
            throw node.error(key, "'" + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + "' is " + what
                    + ": " + problem.get());
        }
        return value;
    }

    private static Manufacturer manufacturer(ProfileNode root, List<String> warnings) throws InputException {
        ProfileNode m = root.raw("manufacturer").isObject() ? root.object("manufacturer") : null;
        if (m == null) {
            String name = root.text("manufacturer");
            if (name == null) {
                throw root.error("manufacturer", "required value 'manufacturer' is missing");
            }
            return new Manufacturer(name, null, null, null);
        }
        String email = m.text("email");
        if (email != null) {
            mailbox(m, "email", email, "not an RFC 5321 e-mail address");
        }
        Manufacturer manufacturer = new Manufacturer(m.requiredText("name"), m.text("address"), email, m.text("website"));
        m.rejectUnknown();
        return manufacturer;
    }

    private static EuFiling eu(ProfileNode eu, List<String> warnings) throws InputException {
        if (eu == null) {
            return null;
        }
        NotifiedBody body = null;
        ProfileNode nb = eu.object("notifiedBody");
        if (nb != null) {
            body = new NotifiedBody(nb.text("name"), nb.text("number"), nb.text("certificate"));
            nb.rejectUnknown();
        }
        Signatory signatory = null;
        ProfileNode sig = eu.object("signatory");
        if (sig != null) {
            signatory = new Signatory(sig.text("name"), sig.text("function"), sig.text("place"), sig.date("date"));
            sig.rejectUnknown();
        }
        JsonNode foss = eu.raw("freeAndOpenSource");
        EuFiling filing = new EuFiling(eu.text("conformityModule"), body, specifications(eu),
                eu.text("declarationUrl"), signatory, foss.isMissingNode() ? null : eu.bool("freeAndOpenSource", false),
                eu.text("publicTechnicalDocumentation"));
        eu.rejectUnknown();
        return filing;
    }

    /** eu.standards: each item a text, or a mapping saying what kind of specification it is and how it was applied. */
    private static List<Specification> specifications(ProfileNode eu) throws InputException {
        JsonNode list = eu.raw("standards");
        List<Specification> specifications = new ArrayList<>();
        if (list.isMissingNode()) {
            return specifications;
        }
        if (list.isValueNode()) {
            return List.of(Specification.text(eu.text("standards")));
        }
        if (!list.isArray()) {
            throw eu.error("standards", "expected a list of texts or mappings");
        }
        String pointer = eu.childPointer("standards");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = pointer + "/" + i;
            if (item.isValueNode() && !item.isNull()) {
                String text = item.asText().strip();
                if (text.length() > ProfileNode.MAX_TEXT_LENGTH) {
                    throw new InputException(eu.file(), InputPosition.pointer(at), "text longer than "
                            + ProfileNode.MAX_TEXT_LENGTH + " characters");
                }
                specifications.add(Specification.text(text));
                continue;
            }
            if (!item.isObject()) {
                throw new InputException(eu.file(), InputPosition.pointer(at), "expected a text or a mapping");
            }
            ProfileNode node = new ProfileNode(eu.file(), at, item);
            String type = node.text("type");
            if (type != null && !Specification.TYPES.contains(type)) {
                throw node.error("type", "unknown type '" + type + "' (expected " + String.join(", ", Specification.TYPES) + ")");
            }
            String level = node.text("assuranceLevel");
            if (level != null && !List.of("basic", "substantial", "high").contains(level)) {
                throw node.error("assuranceLevel", "unknown assurance level '" + level + "' (expected basic, substantial or high)");
            }
            JsonNode inFull = node.raw("appliedInFull");
            specifications.add(new Specification(node.requiredText("reference"), type,
                    inFull.isMissingNode() ? null : node.bool("appliedInFull", false), level, node.text("ojReference")));
            node.rejectUnknown();
        }
        return specifications;
    }

    private static UsFiling us(ProfileNode us, List<String> warnings) throws InputException {
        if (us == null) {
            return null;
        }
        Party authorizedBy = party(us.object("authorizedBy"), warnings);
        Party testedBy = party(us.object("testedBy"), warnings);
        List<String> passwordOptions = List.of();
        String passwordFactoryDefault = null;
        TextLink passwordChange = null;
        ProfileNode access = us.object("accessControl");
        if (access != null) {
            passwordOptions = access.texts("passwordOptions");
            passwordFactoryDefault = access.text("passwordFactoryDefault");
            passwordChange = textLink(access.object("passwordChange"), warnings);
            access.rejectUnknown();
        }
        String updateDefault = null;
        List<String> updateOptions = List.of();
        String updateOther = null;
        ProfileNode updates = us.object("updates");
        if (updates != null) {
            updateDefault = updates.text("default");
            updateOptions = updates.texts("options");
            updateOther = updates.text("other");
            updates.rejectUnknown();
        }
        List<Sensor> sensors = new ArrayList<>();
        for (ProfileNode s : us.objects("sensors")) {
            sensors.add(new Sensor(s.requiredText("sensing"), s.bool("has", true), s.text("description")));
            s.rejectUnknown();
        }
        UsFiling filing = new UsFiling(us.text("registryUrl"), us.date("authorizationDate"), authorizedBy, testedBy,
                passwordOptions, passwordFactoryDefault, passwordChange,
                textLink(us.object("securingThisProduct"), warnings), updateDefault, updateOptions, updateOther,
                textLink(us.object("deleteData"), warnings), textLink(us.object("accountDeactivation"), warnings),
                textLink(us.object("encryptionAndKeyManagement"), warnings),
                textLink(us.object("generalUserInformation"), warnings), contact(us, "securityContact"), sensors,
                us.bool("sbomMaintained", false), us.bool("hbomMaintained", false), us.dateTime("created"),
                us.dateTime("modified"));
        us.rejectUnknown();
        return filing;
    }

    private static Party party(ProfileNode node, List<String> warnings) throws InputException {
        if (node == null) {
            return null;
        }
        Party party = new Party(node.text("name"), node.text("contact"));
        node.rejectUnknown();
        return party;
    }

    private static TextLink textLink(ProfileNode node, List<String> warnings) throws InputException {
        if (node == null) {
            return null;
        }
        TextLink link = new TextLink(node.text("text"), node.text("url"));
        node.rejectUnknown();
        return link;
    }

    private static Map<String, Map<String, Evidence>> evidence(ProfileNode node, List<String> warnings)
            throws InputException {
        Map<String, Map<String, Evidence>> evidence = new LinkedHashMap<>();
        if (node == null) {
            return evidence;
        }
        for (String catalogId : node.keys()) {
            ProfileNode perCatalog = node.object(catalogId);
            Map<String, Evidence> items = new LinkedHashMap<>();
            for (String requirementId : perCatalog.keys()) {
                ProfileNode item = perCatalog.object(requirementId);
                String statusText = item.requiredText("status");
                Status status = Status.parse(statusText).filter(s -> s != Status.NOT_ASSESSED)
                        .orElseThrow(() -> item.error("status", "unknown status '" + statusText
                                + "' (expected met, partial, not met or not applicable)"));
                items.put(requirementId, new Evidence(status, item.text("justification"), item.texts("links")));
                item.rejectUnknown();
            }
            evidence.put(catalogId, items);
        }
        return evidence;
    }
}
