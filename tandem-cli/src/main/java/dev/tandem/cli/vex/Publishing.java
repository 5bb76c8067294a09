package dev.tandem.cli.vex;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.input.InputException;
import dev.tandem.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every publishing command ({@code advisory}, {@code vex}, {@code user-notice}, {@code csaf-provider},
 * {@code security-txt}) runs its use case: an option value the use case rejects is a usage error (exit 2),
 * its warnings go to standard error before the document is written.
 */
final class Publishing {

    /** The environment variable holding the signing key's passphrase when no file is given. */
    static final String PASSPHRASE_VARIABLE = "TANDEM_SIGNING_PASSPHRASE";

    private Publishing() {
    }

    /** One use-case call; an {@link IllegalArgumentException} from it means an option value was rejected. */
    @FunctionalInterface
    interface Call<R> {
        R run() throws IOException, InputException;
    }

    /** Runs {@code call}, turning a rejected value into a usage error. */
    static <R> R run(Call<R> call) throws IOException, InputException {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * A publishing command's whole run once its renderer is picked (so a wrong {@code --format} is refused
     * before any file is read): the use case, its warnings on standard error, the document written.
     */
    static <R> int publish(Renderer<R> renderer, Call<R> call, Function<R, List<String>> warnings, OutputOption output,
            CommandSpec spec) throws IOException, InputException {
        R result = run(call);
        write(renderer, result, warnings.apply(result), output, spec);
        return ExitCode.OK;
    }

    /** The warnings on standard error, then the document to {@code --output} or standard output. */
    private static <R> void write(Renderer<R> renderer, R result, List<String> warnings, OutputOption output, CommandSpec spec)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("tandem: warning: " + w));
        output.write(renderer, result, spec);
    }

    /** A {@code --date} value, or now when it is not given. */
    static Instant dateOrNow(String date) {
        if (date == null) {
            return Now.instant();
        }
        try {
            return Instant.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--date '" + date + "' is not an instant such as 2026-11-06T10:00:00Z");
        }
    }

    /** The first line of {@code file}, else {@value #PASSPHRASE_VARIABLE}, else no passphrase. */
    static char[] passphrase(Path file) throws IOException {
        if (file != null) {
            return Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").toCharArray();
        }
        String env = System.getenv(PASSPHRASE_VARIABLE);
        return env == null ? new char[0] : env.toCharArray();
    }
}
