package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem csaf-provider}: a trusted-provider directory with hashes and signatures that verify. */
class CsafProviderCommandTest {

    static final String BASE = "https://camera.example/.well-known/csaf";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static TestKeys.Generated key;
    static Path vex;
    static Path advisory;
    static Path passphrase;

    @BeforeAll
    static void documentsAndAKey() throws Exception {
        key = TestKeys.generate(tmp, "correct horse battery staple");
        passphrase = tmp.resolve("passphrase.txt");
        Files.writeString(passphrase, "correct horse battery staple\n");
        vex = tmp.resolve("in/vex.json");
        advisory = tmp.resolve("in/sa.json");
        for (String[] doc : List.of(new String[] {"csaf_vex", "SC200-VEX-2026-001", vex.toString(), "2026-11-06T10:00:00Z"},
                new String[] {"csaf_security_advisory", "SC200-SA-2025-007", advisory.toString(), "2025-12-24T08:00:00Z"})) {
            CliRun run = CliRun.of("advisory", "--sbom", AdvisoryCommandTest.CAMERA, "--advisories", AdvisoryCommandTest.ADVISORIES,
                    "--decisions", AdvisoryCommandTest.DECISIONS, "--profile", doc[0], "--tracking-id", doc[1],
                    "--publisher-namespace", "https://camera.example", "--date", doc[3], "--out", doc[2]);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    static CliRun provider(Path dir, String... documents) {
        List<String> args = new java.util.ArrayList<>(List.of("csaf-provider", "--dir", dir.toString(), "--base-url", BASE,
                "--key", key.secretKey().toString(), "--passphrase-file", passphrase.toString(), "--date", "2026-11-06T12:00:00Z"));
        args.addAll(List.of(documents));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theDirectoryHasEveryFileTheSpecificationAsksForAndTheyVerify() throws Exception {
        Path dir = tmp.resolve("site");
        CliRun run = provider(dir, vex.toString(), advisory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 document(s)").contains("+ white/2026/sc200-vex-2026-001.json")
                .contains("+ white/2025/sc200-sa-2025-007.json");

        JsonNode metadata = JSON.readTree(dir.resolve("provider-metadata.json").toFile());
        OfficialSchemas.assertValid(OfficialSchemas.PROVIDER, metadata.toString());
        assertThat(metadata.get("role").asText()).isEqualTo("csaf_trusted_provider");
        assertThat(metadata.get("canonical_url").asText()).isEqualTo(BASE + "/provider-metadata.json");
        assertThat(metadata.get("publisher").get("namespace").asText()).isEqualTo("https://camera.example");
        String fingerprint = metadata.get("public_openpgp_keys").get(0).get("fingerprint").asText();
        assertThat(fingerprint).isEqualTo(HexFormat.of().formatHex(key.publicRing().getPublicKey().getFingerprint()).toUpperCase());
        assertThat(dir.resolve("openpgp/" + fingerprint + ".asc")).exists();
        assertThat(metadata.get("distributions").get(0).get("rolie").get("feeds").get(0).get("url").asText())
                .isEqualTo(BASE + "/white/csaf-feed-tlp-white.json");

        assertThat(Files.readAllLines(dir.resolve("white/index.txt")))
                .containsExactly("2025/sc200-sa-2025-007.json", "2026/sc200-vex-2026-001.json");
        // changes.csv: newest first, as the specification asks.
        assertThat(Files.readAllLines(dir.resolve("white/changes.csv"))).containsExactly(
                "\"2026/sc200-vex-2026-001.json\",\"2026-11-06T10:00:00Z\"", "\"2025/sc200-sa-2025-007.json\",\"2025-12-24T08:00:00Z\"");
        String feedText = Files.readString(dir.resolve("white/csaf-feed-tlp-white.json"));
        OfficialSchemas.assertValid(OfficialSchemas.ROLIE, feedText);
        assertThat(OfficialSchemas.violations(OfficialSchemas.ROLIE, feedText.replace("\"csaf\"", "\"vex\""))).isNotEmpty();
        JsonNode feed = JSON.readTree(feedText).get("feed");
        assertThat(feed.get("category").get(0).get("term").asText()).isEqualTo("csaf");
        assertThat(feed.get("entry").findValuesAsText("id")).containsExactly("SC200-VEX-2026-001", "SC200-SA-2025-007");
        assertThat(feed.get("entry").get(0).get("link").findValuesAsText("rel")).containsExactly("self", "hash", "hash", "signature");

        for (String path : List.of("white/2026/sc200-vex-2026-001.json", "white/2025/sc200-sa-2025-007.json")) {
            byte[] document = Files.readAllBytes(dir.resolve(path));
            assertThat(Files.readString(dir.resolve(path + ".sha256")))
                    .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)) + "  ");
            assertThat(Files.readString(dir.resolve(path + ".sha512")))
                    .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(document)) + "  ");
            assertThat(verifies(Files.readAllBytes(dir.resolve(path + ".asc")), document, key.publicRing())).isTrue();
            byte[] tampered = document.clone();
            tampered[10] ^= 1;
            assertThat(verifies(Files.readAllBytes(dir.resolve(path + ".asc")), tampered, key.publicRing())).isFalse();
            OfficialSchemas.assertValid(OfficialSchemas.CSAF, new String(document, StandardCharsets.UTF_8));
        }
        gpgVerifies(dir, "white/2026/sc200-vex-2026-001.json");
    }

    @Test
    void aSecondRunKeepsWhatIsThereAndReplacesTheSameTrackingId() throws Exception {
        Path dir = tmp.resolve("incremental");
        assertThat(provider(dir, advisory.toString()).exitCode()).isZero();
        CliRun second = provider(dir, vex.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("    white/2025/sc200-sa-2025-007.json").contains("+ white/2026/sc200-vex-2026-001.json");
        assertThat(Files.readAllLines(dir.resolve("white/index.txt"))).hasSize(2);
    }

    @Test
    void badKeysAndDocumentsAreExitTwo() throws IOException {
        Path wrong = tmp.resolve("wrong.txt");
        Files.writeString(wrong, "not it\n");
        CliRun run = CliRun.of("csaf-provider", "--dir", tmp.resolve("x").toString(), "--base-url", BASE, "--key",
                key.secretKey().toString(), "--passphrase-file", wrong.toString(), vex.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the passphrase does not unlock the key");
        CliRun notAKey = CliRun.of("csaf-provider", "--dir", tmp.resolve("x").toString(), "--base-url", BASE, "--key",
                vex.toString(), vex.toString());
        assertThat(notAKey.exitCode()).isEqualTo(2);
        assertThat(notAKey.err()).contains("OpenPGP secret key");
        CliRun draft = CliRun.of("advisory", "--sbom", AdvisoryCommandTest.CAMERA, "--advisories", AdvisoryCommandTest.ADVISORIES,
                "--decisions", AdvisoryCommandTest.DECISIONS, "--profile", "csaf_vex", "--out", tmp.resolve("draft.json").toString());
        assertThat(draft.exitCode()).isZero();
        CliRun refused = provider(tmp.resolve("y"), tmp.resolve("draft.json").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("draft.json").contains("is a draft");
        assertThat(CliRun.of("csaf-provider", "--dir", tmp.resolve("z").toString(), "--base-url", "http://camera.example",
                "--key", key.secretKey().toString(), vex.toString()).err()).contains("https URL");
    }

    static boolean verifies(byte[] armoredSignature, byte[] data, PGPPublicKeyRing ring) throws Exception {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredSignature))) {
            PGPSignature signature = ((PGPSignatureList) new BcPGPObjectFactory(in).nextObject()).get(0);
            signature.init(new BcPGPContentVerifierBuilderProvider(), ring.getPublicKey(signature.getKeyID()));
            signature.update(data);
            return signature.verify();
        }
    }

    /** gpg, an independent implementation, verifies the signature too where it is installed. */
    static void gpgVerifies(Path dir, String path) throws Exception {
        Path home = Files.createTempDirectory(tmp, "gnupg");
        Path publicKey;
        try (var keys = Files.list(dir.resolve("openpgp"))) {
            publicKey = keys.findFirst().orElseThrow();
        }
        Process imported;
        try {
            imported = new ProcessBuilder("gpg", "--batch", "--homedir", home.toString(), "--import", publicKey.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return;
        }
        imported.getInputStream().readAllBytes();
        assertThat(imported.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Process verify = new ProcessBuilder("gpg", "--batch", "--homedir", home.toString(), "--verify",
                dir.resolve(path + ".asc").toString(), dir.resolve(path).toString()).redirectErrorStream(true).start();
        String log = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(log).isZero();
        assertThat(log).contains("Good signature");
    }
}
