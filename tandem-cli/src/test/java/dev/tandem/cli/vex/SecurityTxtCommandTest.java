package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem security-txt}: RFC 9116 fields, expiry, checks, and an OpenPGP cleartext signature. */
class SecurityTxtCommandTest {

    @TempDir
    Path tmp;

    @Test
    void fromTheProductProfileWithExpiryAndTheCsafField() {
        CliRun run = CliRun.of("security-txt", "--product", "../examples/products/smart-camera.yaml", "--expires-in", "P90D",
                "--csaf", "https://lumen-devices.example/.well-known/csaf/provider-metadata.json", "--preferred-languages", "en,de",
                "--date", "2026-11-06T10:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "# Security contact of Lumen Devices GmbH, written with Tandem on 2026-11-06.",
                "Contact: mailto:compliance@lumen-devices.example",
                "Expires: 2027-02-04T10:00:00Z",
                "Preferred-Languages: en, de",
                "Canonical: https://lumen-devices.example/.well-known/security.txt",
                "CSAF: https://lumen-devices.example/.well-known/csaf/provider-metadata.json");
        assertThat(run.err()).contains("not signed");
    }

    @Test
    void whatTheRfcForbidsIsRefused() {
        assertThat(CliRun.of("security-txt", "--expires-in", "P30D").err()).contains("at least one Contact");
        assertThat(CliRun.of("security-txt", "--contact", "mailto:a@b.example", "--expires", "2020-01-01T00:00:00Z").err())
                .contains("not in the future");
        assertThat(CliRun.of("security-txt", "--contact", "http://b.example/report").err()).contains("not a mailto:, tel: or https://");
        assertThat(CliRun.of("security-txt", "--contact", "mailto:a@b.example", "--policy", "http://b.example/p").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("security-txt", "--contact", "mailto:a@b.example", "--csaf", "https://b.example/x.json").err())
                .contains("provider-metadata.json");
        CliRun long_ = CliRun.of("security-txt", "--contact", "mailto:a@b.example", "--expires-in", "P2Y");
        assertThat(long_.exitCode()).isZero();
        assertThat(long_.err()).contains("more than a year ahead");
    }

    @Test
    void signedItVerifiesWithGpg() throws Exception {
        TestKeys.Generated key = TestKeys.generate(tmp, "s3cret");
        Path passphrase = tmp.resolve("pass");
        Files.writeString(passphrase, "s3cret\n");
        Path out = tmp.resolve("security.txt");
        CliRun run = CliRun.of("security-txt", "--contact", "mailto:psirt@camera.example", "--contact", "https://camera.example/report",
                "--policy", "https://camera.example/-/cvd", "--key", key.secretKey().toString(), "--passphrase-file", passphrase.toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n# Security contact")
                .contains("Contact: mailto:psirt@camera.example\n").contains("-----BEGIN PGP SIGNATURE-----");
        Path home = Files.createTempDirectory(tmp, "gnupg");
        Path publicKey = tmp.resolve("public.asc");
        try (var armored = new org.bouncycastle.bcpg.ArmoredOutputStream(Files.newOutputStream(publicKey))) {
            key.publicRing().encode(armored);
        }
        Process imported;
        try {
            imported = new ProcessBuilder("gpg", "--batch", "--homedir", home.toString(), "--import", publicKey.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return;
        }
        imported.getInputStream().readAllBytes();
        imported.waitFor(60, TimeUnit.SECONDS);
        Process verify = new ProcessBuilder("gpg", "--batch", "--homedir", home.toString(), "--verify", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(log).isZero();
        assertThat(log).contains("Good signature");
    }
}
