package dev.tandem.cli.audit;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.DatabaseOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.audit.AuditFormats;
import dev.tandem.server.AuditReader;
import dev.tandem.server.store.DatabaseException;
import dev.tandem.usecase.audit.Anchor;
import dev.tandem.usecase.audit.AuditLogInput;
import dev.tandem.usecase.audit.AuditVerifyRequest;
import dev.tandem.usecase.audit.AuditVerifyResult;
import dev.tandem.usecase.audit.AuditVerifyUseCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem audit verify}: is every organisation's audit chain intact, and where does it break? */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Check the hash chain of the audit log: every entry's hash recomputed, each linked to the one before, "
                        + "numbered without gaps.",
                "Reads the server's database (the running server's when one holds --data) or exports of "
                        + "GET /api/v1/audit/export (given as FILE or --file).",
                "Exit codes: 0 intact, 1 a chain is broken or an anchor does not hold (the output says at which entry and "
                        + "why), 2 no database or a malformed file."})
public final class AuditVerifyCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--file", paramLabel = "FILE",
            description = "An audit export to check instead of the database (repeatable).")
    List<Path> files = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Audit exports to check instead of the database, as with --file.")
    List<Path> positional = new ArrayList<>();

    @Option(names = "--organisation", paramLabel = "NAME", description = "Check only this organisation's chain.")
    String organisation;

    @Option(names = "--anchor", paramLabel = "[ORG/]SEQ:HASH",
            description = "A head recorded earlier (seq and hash of an entry) that the chain must still contain: "
                    + "catches a log rewritten with every hash recomputed (repeatable).")
    List<String> anchors = new ArrayList<>();

    @Mixin
    FormatOption format;

    @Override
    public Formats<AuditVerifyResult> formats() {
        return AuditFormats.verify();
    }

    @Override
    public Integer call() throws InputException {
        TextRenderer<AuditVerifyResult> renderer = (TextRenderer<AuditVerifyResult>) format.pick(formats());
        List<Anchor> parsedAnchors = new ArrayList<>();
        for (String anchor : anchors) {
            try {
                parsedAnchors.add(Anchor.parse(anchor));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--anchor: " + e.getMessage());
            }
        }
        List<AuditLogInput> logs = new ArrayList<>();
        List<Path> exports = new ArrayList<>(positional);
        exports.addAll(files);
        if (!exports.isEmpty() && database.given()) {
            throw new UsageException("give audit exports (FILE, --file) or a database (--data, --database-url), not both");
        }
        if (!exports.isEmpty()) {
            for (Path file : exports) {
                logs.add(new AuditLogInput.Export(InputDocument.read(file)));
            }
        } else {
            try {
                logs.addAll(AuditReader.read(database.settings(System.getenv()), organisation));
            } catch (DatabaseException e) {
                throw new UsageException(e.getMessage());
            }
            if (organisation != null && logs.isEmpty()) {
                throw new UsageException("no organisation named '" + organisation + "' in the database");
            }
        }
        AuditVerifyResult result = new AuditVerifyUseCase().run(new AuditVerifyRequest(logs, parsedAnchors));
        if (organisation != null && !exports.isEmpty()) {
            result = new AuditVerifyResult(result.chains().stream()
                    .filter(c -> c.organisation().equals(organisation)).toList());
        }
        PrintWriter out = spec.commandLine().getOut();
        renderer.render(result, out);
        out.flush();
        return result.intact() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
