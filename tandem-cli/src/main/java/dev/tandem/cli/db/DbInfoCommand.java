package dev.tandem.cli.db;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.db.DbFormats;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbInfoRequest;
import dev.tandem.usecase.scan.DbInfoResult;
import dev.tandem.usecase.scan.DbInfoUseCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem db info}: what a snapshot holds, where it came from and when it was built. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        description = {
                "Verify a snapshot (checksum, format version) and print what it holds.",
                "It prints the counts per ecosystem, the sources, the EPSS scores and the build time.",
                "Exit codes: 0 valid, 2 missing, foreign, corrupt or of another format version."})
public final class DbInfoCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Mixin
    FormatOption format;

    @Override
    public Formats<DbInfoResult> formats() {
        return DbFormats.info();
    }

    @Override
    public Integer call() throws InputException {
        Renderer<DbInfoResult> renderer = format.pick(formats());
        DbInfoResult result = new DbInfoUseCase().run(new DbInfoRequest(new AdvisoryInput.SnapshotFile(file)));
        PrintWriter out = spec.commandLine().getOut();
        // Every description format is text (the registry holds no binary one).
        ((TextRenderer<DbInfoResult>) renderer).render(result, out);
        out.flush();
        return ExitCode.OK;
    }
}
