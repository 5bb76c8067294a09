package dev.tandem.cli.vex;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.vex.Tracking;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a CSAF document is tracked: id, status, title, TLP, the version it supersedes. */
public final class TrackingOptions {

    @Option(names = "--tracking-id", paramLabel = "ID", description = "The document's tracking id (default: product, kind and date).")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "The document status: draft, interim or final (default: final; draft without a publisher namespace).")
    String status;

    @Option(names = "--title", paramLabel = "TEXT", description = "The document's title (default: from the products).")
    String title;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "TLP label: WHITE (default), GREEN, AMBER or RED.")
    String tlp;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "The previously published version of this CSAF document: its revision history is continued, its version raised.")
    Path previous;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What changed in this revision.")
    String summary;

    public Tracking tracking() throws InputException {
        return new Tracking(id, status, title, tlp, previous == null ? null : InputDocument.read(previous), summary);
    }
}
