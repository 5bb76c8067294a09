package dev.tandem.render.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.render.TextRenderer;
import dev.tandem.snapshot.EcosystemCount;
import dev.tandem.snapshot.SnapshotInfo;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.usecase.scan.DbInfoResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** A snapshot's description as JSON (contract in docs/commands/db.md, schema docs/schemas/db-info.schema.json). */
final class InfoJsonRenderer implements TextRenderer<DbInfoResult> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(DbInfoResult result, PrintWriter out) {
        SnapshotInfo info = result.info();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", result.source());
        root.put("formatVersion", info.formatVersion());
        root.put("size", info.fileSize());
        root.put("checksum", String.format(Locale.ROOT, "crc32c:%08x", info.checksum()));
        SnapshotProvenance provenance = info.provenance();
        root.put("builtAt", provenance.builtAt().toString());
        root.put("toolVersion", provenance.toolVersion());
        ArrayNode sources = root.putArray("sources");
        provenance.advisorySources().forEach(sources::add);
        ArrayNode kevSources = root.putArray("kevSources");
        provenance.kevSources().forEach(kevSources::add);
        ArrayNode recordSources = root.putArray("cveRecordSources");
        provenance.recordSources().forEach(recordSources::add);
        AdvisoryDatabase.Stats stats = info.stats();
        ObjectNode counts = root.putObject("counts");
        counts.put("advisories", stats.advisories());
        counts.put("withdrawn", stats.withdrawn());
        counts.put("duplicates", stats.duplicates());
        counts.put("vulnerabilities", stats.vulnerabilities());
        counts.put("packages", info.packages());
        counts.put("entries", info.entries());
        counts.put("kevEntries", stats.kevEntries());
        counts.put("kevMatched", stats.kevMatched());
        counts.put("kevUnmatched", stats.unmatchedKev());
        counts.put("cveRecords", stats.records());
        counts.put("rejectedCveRecords", stats.rejected());
        counts.put("cpeRecords", info.cpeRecords());
        counts.put("cpeProducts", info.cpeProducts());
        counts.put("kevCves", stats.kevMatched() + stats.unmatchedKev());
        if (info.epss() == null) {
            root.putNull("epss");
        } else {
            ObjectNode epss = root.putObject("epss");
            epss.put("source", info.epss().source());
            epss.put("modelVersion", info.epss().modelVersion());
            epss.put("scoreDate", info.epss().scoreDate() == null ? null : info.epss().scoreDate().toString());
            epss.put("scores", info.epss().count());
        }
        ArrayNode ecosystems = root.putArray("ecosystems");
        for (EcosystemCount count : info.ecosystems()) {
            ObjectNode node = ecosystems.addObject();
            node.put("ecosystem", count.ecosystem());
            node.put("advisories", count.advisories());
            node.put("packages", count.packages());
            node.put("entries", count.entries());
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
