package dev.tandem.conformity.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.BundledSchema;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfile.Party;
import dev.tandem.conformity.profile.ProductProfile.TextLink;
import dev.tandem.conformity.profile.ProductProfile.UsFiling;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the CTA-2120 registry entry. The schema's {@code required} list names
 * {@code version_and_model_numbers} and {@code sbom_hbom_available}, which its {@code properties} never
 * define (they define {@code product_model} and {@code sbom_hbom_maintained}); the entry carries both
 * spellings with the same content so it validates against the schema as published and stays readable by
 * consumers that follow the property definitions.
 */
public final class RegistryEntryWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BundledSchema SCHEMA = BundledSchema.load(BundledSchema.CTA_2120);

    private RegistryEntryWriter() {
    }

    /** Builds the entry; throws when the profile lacks the US data the registry requires. */
    public static ObjectNode write(ProductProfile profile) throws InputException {
        UsFiling us = profile.us();
        if (us == null) {
            throw new InputException(profile.source(), InputPosition.pointer("/us"),
                    "the profile has no 'us' section; the registry entry needs it (docs/formats/product-profile.md)");
        }
        ObjectNode entry = NODES.objectNode();
        entry.put("schema_version", "1.0.0");
        putIfPresent(entry, "QR_code_url", us.registryUrl());
        entry.put("product_name", profile.product());
        entry.put("manufacturer_name", profile.manufacturer().name());
        entry.put("product_manufacturer", profile.manufacturer().name());
        String model = modelAndVersion(profile);
        if (model != null) {
            entry.put("version_and_model_numbers", model);
            entry.put("product_model", model);
        }
        if (us.authorizationDate() != null) {
            entry.put("authorization_date", us.authorizationDate().toString());
        }
        putParty(entry, "authorized_by", us.authorizedBy());
        putParty(entry, "tested_by", us.testedBy());
        ObjectNode access = entry.putObject("access_control");
        if (!us.passwordOptions().isEmpty()) {
            ArrayNode options = access.putArray("password_options");
            us.passwordOptions().forEach(options::add);
        }
        putIfPresent(access, "password_factory_default", us.passwordFactoryDefault());
        if (us.passwordChange() != null) {
            access.set("password_change", textLink(us.passwordChange()));
        }
        putTextLink(entry, "securing_this_product", us.securingThisProduct());
        ObjectNode updates = entry.putObject("security_update_information");
        putIfPresent(updates, "update_default", us.updateDefault());
        if (!us.updateOptions().isEmpty()) {
            ArrayNode options = updates.putArray("update_options");
            us.updateOptions().forEach(options::add);
        }
        putIfPresent(entry, "security_update_information_other", us.updateOther());
        if (profile.supportPeriod() != null && profile.supportPeriod().end() != null) {
            entry.put("support_date", profile.supportPeriod().end().toString());
        }
        putTextLink(entry, "delete_data", us.deleteData());
        putTextLink(entry, "account_deactivation", us.accountDeactivation());
        putTextLink(entry, "encryption_and_key_management", us.encryptionAndKeyManagement());
        putTextLink(entry, "general_user_information", us.generalUserInformation());
        putIfPresent(entry, "security_contact", us.securityContact());
        ArrayNode sensors = entry.putArray("sensor_data_collection");
        for (ProductProfile.Sensor sensor : us.sensors()) {
            ObjectNode s = sensors.addObject();
            s.put("sensing", sensor.sensing());
            s.put("has", sensor.has());
            putIfPresent(s, "description", sensor.description());
        }
        ObjectNode sbom = NODES.objectNode();
        sbom.put("sbom_maintained", us.sbomMaintained());
        sbom.put("hbom_maintained", us.hbomMaintained());
        entry.set("sbom_hbom_maintained", sbom);
        entry.set("sbom_hbom_available", sbom.deepCopy());
        // Record timestamps come from the profile (or the authorisation date) so that output is reproducible.
        String created = us.created() != null ? us.created().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : us.authorizationDate() == null ? null
                : us.authorizationDate().atStartOfDay().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        putIfPresent(entry, "created", created);
        putIfPresent(entry, "modified", us.modified() != null
                ? us.modified().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : created);
        return entry;
    }

    /** Writes and validates; schema violations become an input error naming the profile. */
    public static ObjectNode writeValid(ProductProfile profile) throws InputException {
        ObjectNode entry = write(profile);
        List<String> violations = validate(entry);
        if (!violations.isEmpty()) {
            throw new InputException(profile.source(), InputPosition.pointer("/us"),
                    "the registry entry would not validate against CTA-2120 1.0.0: " + String.join("; ", violations));
        }
        return entry;
    }

    /** Validation against the bundled CTA-2120 schema, exactly as published. */
    public static List<String> validate(com.fasterxml.jackson.databind.JsonNode entry) {
        return new ArrayList<>(SCHEMA.violations(entry));
    }

    private static String modelAndVersion(ProductProfile profile) {
        List<String> parts = new ArrayList<>();
        if (profile.model() != null) {
            parts.add("model " + profile.model());
        }
        if (profile.version() != null) {
            parts.add("version " + profile.version());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void putParty(ObjectNode entry, String field, Party party) {
        if (party != null) {
            ObjectNode node = entry.putObject(field);
            putIfPresent(node, "name", party.name());
            putIfPresent(node, "contact", party.contact());
        }
    }

    private static void putTextLink(ObjectNode entry, String field, TextLink link) {
        if (link != null) {
            entry.set(field, textLink(link));
        }
    }

    private static ObjectNode textLink(TextLink link) {
        ObjectNode node = NODES.objectNode();
        putIfPresent(node, "text", link.text());
        putIfPresent(node, "url", link.url());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
