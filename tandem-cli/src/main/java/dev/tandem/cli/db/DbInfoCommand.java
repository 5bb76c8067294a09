package dev.tandem.cli.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.EcosystemCount;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotInfo;
import dev.tandem.snapshot.SnapshotProvenance;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem db info}: what a snapshot holds, where it came from and when it was built. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        description = {
                "Verify a snapshot (checksum, format version) and print its counts per ecosystem, sources and",
                "build time. Exit codes: 0 valid, 2 missing, foreign, corrupt or of another format version."})
public final class DbInfoCommand implements Callable<Integer> {

    /** The two renderings of the information. */
    enum InfoFormat { text, json }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    InfoFormat format;

    @Override
    public Integer call() throws InputException {
        SnapshotInfo info = Snapshot.load(file).info();
        PrintWriter out = spec.commandLine().getOut();
        if (format == InfoFormat.json) {
            json(info, out);
        } else {
            text(info, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void text(SnapshotInfo info, PrintWriter out) {
        SnapshotProvenance provenance = info.provenance();
        AdvisoryDatabase.Stats stats = info.stats();
        out.printf(Locale.ROOT, "Snapshot:        %s%n", file);
        out.printf(Locale.ROOT, "Format:          version %d, %,d bytes, CRC32C %08x (verified)%n", info.formatVersion(),
                info.fileSize(), info.checksum());
        out.printf(Locale.ROOT, "Built:           %s by tandem %s%n", provenance.builtAt(), provenance.toolVersion());
        out.printf(Locale.ROOT, "Advisories:      %,d (%,d withdrawn, ignored; %,d duplicates)%n", stats.advisories(),
                stats.withdrawn(), stats.duplicates());
        out.printf(Locale.ROOT, "Vulnerabilities: %,d%n", stats.vulnerabilities());
        out.printf(Locale.ROOT, "Packages:        %,d (%,d affected entries)%n", info.packages(), info.entries());
        out.printf(Locale.ROOT, "KEV:             %,d entries, %,d matched an advisory, %,d matched none%n",
                stats.kevEntries(), stats.kevMatched(), stats.unmatchedKev());
        out.println("Sources:");
        provenance.advisorySources().forEach(source -> out.println("  advisories  " + source));
        provenance.kevSources().forEach(source -> out.println("  kev         " + source));
        out.println("Ecosystems:");
        out.printf(Locale.ROOT, "  %-28s %12s %12s %12s%n", "ecosystem", "advisories", "packages", "entries");
        for (EcosystemCount count : info.ecosystems()) {
            out.printf(Locale.ROOT, "  %-28s %,12d %,12d %,12d%n", count.ecosystem(), count.advisories(),
                    count.packages(), count.entries());
        }
    }

    private void json(SnapshotInfo info, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", file.toString());
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
