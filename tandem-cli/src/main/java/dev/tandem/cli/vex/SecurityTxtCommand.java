package dev.tandem.cli.vex;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.usecase.vex.SecurityTxtRequest;
import dev.tandem.usecase.vex.SecurityTxtResult;
import dev.tandem.usecase.vex.SecurityTxtUseCase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem security-txt}: an RFC 9116 security.txt from the organisation's contact data, with expiry. */
@Command(name = "security-txt",
        mixinStandardHelpOptions = true,
        description = {
                "Write security.txt (RFC 9116) for https://<your domain>/.well-known/security.txt: Contact and "
                        + "Expires (required), and optionally Encryption, Policy, Canonical, Preferred-Languages, "
                        + "Acknowledgments, Hiring and CSAF (where your provider-metadata.json is).",
                "Values not given come from --product (the manufacturer's e-mail and website).",
                "With --key the file is OpenPGP cleartext-signed, as the RFC recommends.",
                "Exit codes: 0 written, 2 bad usage or input (a field the RFC forbids)."})
public final class SecurityTxtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--contact", arity = "1..*", paramLabel = "URI", description = "Contacts as mailto:, tel: or https:// URIs, most preferred first.")
    List<String> contacts = new ArrayList<>();

    @Option(names = "--expires", paramLabel = "INSTANT", description = "When the file expires, e.g. 2027-05-01T00:00:00Z.")
    String expires;

    @Option(names = "--expires-in", paramLabel = "PERIOD", description = "How long the file is valid from now, e.g. P180D (default) or P6M.")
    String expiresIn;

    @Option(names = "--encryption", arity = "1..*", paramLabel = "URI", description = "Where your OpenPGP key is.")
    List<String> encryption = new ArrayList<>();

    @Option(names = "--policy", arity = "1..*", paramLabel = "URL", description = "Your vulnerability disclosure policy.")
    List<String> policy = new ArrayList<>();

    @Option(names = "--canonical", arity = "1..*", paramLabel = "URL", description = "Where this file is served (default from --product).")
    List<String> canonical = new ArrayList<>();

    @Option(names = "--preferred-languages", split = ",", paramLabel = "TAG", description = "Language tags, e.g. en,de.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--acknowledgments", arity = "1..*", paramLabel = "URL", description = "Your hall of fame.")
    List<String> acknowledgments = new ArrayList<>();

    @Option(names = "--hiring", arity = "1..*", paramLabel = "URL", description = "Security jobs.")
    List<String> hiring = new ArrayList<>();

    @Option(names = "--csaf", arity = "1..*", paramLabel = "URL", description = "Your CSAF provider-metadata.json.")
    List<String> csaf = new ArrayList<>();

    @Option(names = "--product", paramLabel = "FILE", description = "A product profile whose manufacturer is the organisation.")
    Path product;

    @Option(names = "--key", paramLabel = "FILE", description = "An OpenPGP secret key (armored) to cleartext-sign the file.")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "A file whose first line is the key's passphrase (else TANDEM_SIGNING_PASSPHRASE).")
    Path passphraseFile;

    @Option(names = "--date", paramLabel = "INSTANT", description = "Now, for the expiry and the signature (default: the clock).")
    String date;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws IOException, InputException {
        if (expires != null && expiresIn != null) {
            throw new UsageException("give --expires or --expires-in, not both");
        }
        Instant at = date == null ? Now.instant() : instant("--date", date);
        SecurityTxtRequest request = new SecurityTxtRequest(contacts, expires == null ? null : instant("--expires", expires),
                expiresIn == null ? null : duration(expiresIn), encryption, acknowledgments, languages, canonical, policy, hiring,
                csaf, product == null ? null : InputDocument.read(product), key == null ? null : InputDocument.read(key),
                Publishing.passphrase(passphraseFile), at);
        return Publishing.publish(VexFormats.securityTxt().find("text").orElseThrow(),
                () -> new SecurityTxtUseCase().run(request), SecurityTxtResult::warnings, output, spec);
    }

    private static Instant instant(String option, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + text + "' is not an instant such as 2027-05-01T00:00:00Z");
        }
    }

    /** P180D, PT12H or calendar periods such as P6M (counted as 30 days a month, 365 a year). */
    private static Duration duration(String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                Period period = Period.parse(text.strip());
                return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
            } catch (DateTimeParseException again) {
                throw new UsageException("--expires-in '" + text + "' is not a period such as P180D or P6M");
            }
        }
    }
}
