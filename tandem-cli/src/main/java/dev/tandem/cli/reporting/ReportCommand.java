package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.reporting.draft.DraftBuilder;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.obligation.ObligationEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem report}: the draft of one stage's report, filled from the incident record. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draft one stage's report from an incident record, in the authority's order.",
                "Every required field is filled from the record or flagged missing; with the CRA Art 14(8) user notice",
                "and, for ransom payments, the Counter Ransomware Initiative statement."})
public final class ReportCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { md, json, html }

    @Spec
    CommandSpec spec;

    @Option(names = "--incident", required = true, paramLabel = "FILE", description = "Incident record (JSON or YAML).")
    Path incident;

    @Option(names = "--framework", required = true, paramLabel = "ID", description = "Framework id, e.g. eu-cra-vulnerability.")
    String framework;

    @Option(names = "--stage", required = true, paramLabel = "ID", description = "Stage id, e.g. notification.")
    String stage;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Evaluate the deadline as of this instant (default: now).")
    String at;

    @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT", description = "md, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Treat warnings about the record as errors.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IncidentReadResult read = IncidentInput.read(incident, strict);
        ReportDraft draft;
        try {
            draft = new DraftBuilder(new ObligationEngine(IncidentInput.catalog())).build(read, framework, stage, IncidentInput.at(at));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        IncidentInput.warn(incident, read.issues(), err);
        out.print(switch (format) {
            case md -> DraftRenderer.markdown(draft);
            case json -> DraftRenderer.json(draft);
            case html -> DraftRenderer.html(draft);
        });
        out.flush();
        return dev.tandem.cli.exit.ExitCode.OK;
    }
}
