package dev.tandem.render.db;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.render.TextRenderer;
import dev.tandem.snapshot.EcosystemCount;
import dev.tandem.snapshot.SnapshotInfo;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.usecase.scan.DbInfoResult;
import java.io.PrintWriter;
import java.util.Locale;

/** A snapshot's description for terminals: format and checksum, build, counts (NVD/CVE records included), sources, ecosystems. */
final class InfoTextRenderer implements TextRenderer<DbInfoResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(DbInfoResult result, PrintWriter out) {
        SnapshotInfo info = result.info();
        SnapshotProvenance provenance = info.provenance();
        AdvisoryDatabase.Stats stats = info.stats();
        out.printf(Locale.ROOT, "Snapshot:        %s%n", result.source());
        out.printf(Locale.ROOT, "Format:          version %d, %,d bytes, CRC32C %08x (verified)%n", info.formatVersion(),
                info.fileSize(), info.checksum());
        out.printf(Locale.ROOT, "Built:           %s by tandem %s%n", provenance.builtAt(), provenance.toolVersion());
        out.printf(Locale.ROOT, "Advisories:      %,d (%,d withdrawn, ignored; %,d duplicates)%n", stats.advisories(),
                stats.withdrawn(), stats.duplicates());
        out.printf(Locale.ROOT, "Vulnerabilities: %,d%n", stats.vulnerabilities());
        out.printf(Locale.ROOT, "Packages:        %,d (%,d affected entries)%n", info.packages(), info.entries());
        out.println("KEV:             " + KevCounts.text(stats));
        out.printf(Locale.ROOT, "CVE records:     %,d (%,d rejected, ignored); %,d with a CPE configuration, naming %,d CPE"
                + " products%n", stats.records(), stats.rejected(), info.cpeRecords(), info.cpeProducts());
        out.println("EPSS:            " + (info.epss() == null ? "none" : EpssText.text(info.epss())));
        out.println("Sources:");
        provenance.advisorySources().forEach(source -> out.println("  advisories  " + source));
        provenance.kevSources().forEach(source -> out.println("  kev         " + source));
        provenance.recordSources().forEach(source -> out.println("  nvd         " + source));
        if (info.epss() != null) {
            out.println("  epss        " + info.epss().source());
        }
        out.println("Ecosystems:");
        // Right-aligned numbers under headers as wide as the widest cell: long names never touch the next column.
        int name = "ecosystem".length();
        for (EcosystemCount count : info.ecosystems()) {
            name = Math.max(name, count.ecosystem().length());
        }
        String row = "  %-" + name + "s  %,12d %,12d %,12d%n";
        out.printf(Locale.ROOT, "  %-" + name + "s  %12s %12s %12s%n", "ecosystem", "advisories", "packages", "entries");
        for (EcosystemCount count : info.ecosystems()) {
            out.printf(Locale.ROOT, row, count.ecosystem(), count.advisories(), count.packages(), count.entries());
        }
    }
}
