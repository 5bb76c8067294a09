package dev.tandem.cli.db;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.progress.DownloadProgress;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.feed.FetchSettings;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.db.DbFormats;
import dev.tandem.render.db.UpdatedSnapshot;
import dev.tandem.usecase.scan.DbUpdateRequest;
import dev.tandem.usecase.scan.DbUpdateResult;
import dev.tandem.usecase.scan.DbUpdateUseCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem db update}: fetch the feeds (OSV, KEV, EPSS) and refresh a snapshot, for users without a server. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = {
                "Fetch the OSV exports, CISA KEV, EU KEV and EPSS scores and refresh a snapshot from them.",
                "Downloads are cached beside the snapshot with their ETag and Last-Modified, so the next refresh asks only for what changed; each is checked (length, the server's digests, its content) and retried with backoff when it fails.",
                "The snapshot is replaced only once the new one is complete; when no feed changed, nothing is rebuilt.",
                "Exit codes: 0 refreshed or current, 2 a feed could not be fetched or read (the previous snapshot stays)."},
        modelTransformer = DbBuildCommand.RequiredOut.class)
public final class DbUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "A feeds file (tandem-feeds.yaml) naming the feeds to fetch and where from; without it, every "
                    + "feed from its publisher and every OSV ecosystem.")
    Path feeds;

    @Option(names = "--ecosystem", arity = "1..*", split = ",", paramLabel = "NAME",
            description = "Fetch the OSV exports of these ecosystems only (as OSV names them: Go, npm, PyPI, Maven, "
                    + "crates.io, Debian, ...), instead of those the feeds file names.")
    List<String> ecosystems = new ArrayList<>();

    /** The shared output option, required here (see {@link DbBuildCommand.RequiredOut}). */
    @Mixin
    OutputOption out;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The folder that keeps the downloaded feeds and their validators (default: the snapshot's "
                    + "name followed by .cache, beside it).")
    Path cache;

    @Option(names = "--force", description = "Rebuild the snapshot even when no feed changed.")
    boolean force;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "How often a failed download is tried again, with a doubling wait from 2 seconds (default: ${DEFAULT-VALUE}).")
    int retries;

    @Override
    public Integer call() throws IOException, InputException {
        if (retries < 0 || retries > 10) {
            throw new UsageException("--retries takes 0 to 10");
        }
        long started = System.nanoTime();
        if (java.nio.file.Files.isDirectory(out.file())) {
            // Said before any download: the refresh could never store its snapshot there.
            throw new UsageException("cannot write to " + out.file() + ": it is a directory");
        }
        InputDocument feedsFile = feeds == null ? null : InputDocument.read(feeds);
        Path target = out.file();
        Path cacheFolder = cache != null ? cache : target.resolveSibling(target.getFileName() + ".cache");
        FetchSettings fetch = FetchSettings.defaults("tandem/" + dev.tandem.usecase.TandemVersion.current());
        fetch = new FetchSettings(retries, fetch.backoff(), fetch.maxBackoff(), fetch.connectTimeout(), fetch.stallTimeout(),
                fetch.maxBytes(), fetch.userAgent());
        PrintWriter err = spec.commandLine().getErr();
        DbUpdateResult result;
        try (DownloadProgress downloads = DownloadProgress.forStderr(err); LoadProgress build = LoadProgress.forStderr(err)) {
            result = new DbUpdateUseCase().run(new DbUpdateRequest(null, feedsFile,
                    feeds == null ? null : feeds.toAbsolutePath().getParent(), ecosystems, target, cacheFolder, force,
                    Instant.now(), fetch, downloads, build));
        }
        if (!result.upToDate()) {
            out.write(DbFormats.snapshotFile(), result.build(), spec);
        }
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        PrintWriter stdout = spec.commandLine().getOut();
        DbFormats.updateSummary().render(new UpdatedSnapshot(result, target.toString(),
                Duration.ofNanos(System.nanoTime() - started)), stdout);
        stdout.flush();
        return ExitCode.OK;
    }
}
