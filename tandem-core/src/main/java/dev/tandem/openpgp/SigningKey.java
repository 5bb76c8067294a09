package dev.tandem.openpgp;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * A user's OpenPGP secret key, unlocked: the first signing-capable key of the first key ring in an
 * armored (or binary) secret key file. Signatures use SHA-512.
 */
public final class SigningKey {

    /** A secret key file is a few KB; a larger one is refused before parsing. */
    private static final int MAX_BYTES = 1 << 20;

    private final PGPSecretKeyRing ring;
    private final PGPSecretKey secret;
    private final PGPPrivateKey privateKey;

    private SigningKey(PGPSecretKeyRing ring, PGPSecretKey secret, PGPPrivateKey privateKey) {
        this.ring = ring;
        this.secret = secret;
        this.privateKey = privateKey;
    }

    /**
     * Reads and unlocks a secret key.
     *
     * @throws InputException naming the file when it holds no OpenPGP secret key, no key that can sign, or
     *                        the passphrase does not unlock it
     */
    public static SigningKey read(InputDocument document, char[] passphrase) throws InputException {
        String source = document.source();
        if (document.content().length > MAX_BYTES) {
            throw new InputException(source, InputPosition.UNKNOWN, "is over " + MAX_BYTES + " bytes: not an OpenPGP secret key");
        }
        PGPSecretKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(document.content()))) {
            rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "not an OpenPGP secret key (an armored key as"
                    + " 'gpg --export-secret-keys --armor' writes it): " + message(e), e);
        }
        for (Iterator<PGPSecretKeyRing> rs = rings.getKeyRings(); rs.hasNext(); ) {
            PGPSecretKeyRing ring = rs.next();
            for (Iterator<PGPSecretKey> keys = ring.getSecretKeys(); keys.hasNext(); ) {
                PGPSecretKey key = keys.next();
                if (!key.isSigningKey() || key.isPrivateKeyEmpty() || key.getPublicKey().hasRevocation()) {
                    continue;
                }
                try {
                    PGPPrivateKey unlocked = key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                            new BcPGPDigestCalculatorProvider()).build(passphrase == null ? new char[0] : passphrase));
                    return new SigningKey(ring, key, unlocked);
                } catch (PGPException e) {
                    throw new InputException(source, InputPosition.UNKNOWN, "the passphrase does not unlock the key "
                            + fingerprint(key.getPublicKey()), e);
                }
            }
        }
        throw new InputException(source, InputPosition.UNKNOWN, "holds no OpenPGP secret key that can sign (expected an armored"
                + " secret key as 'gpg --export-secret-keys --armor' writes it)");
    }

    /** The signing key's fingerprint, upper-case hex, as provider-metadata.json lists it. */
    public String fingerprint() {
        return fingerprint(secret.getPublicKey());
    }

    /** The primary user id of the key ring ("" when none). */
    public String userId() {
        Iterator<String> ids = ring.getPublicKey().getUserIDs();
        return ids.hasNext() ? ids.next() : "";
    }

    /** The public key ring, armored: what readers download to verify the signatures. */
    public String armoredPublicKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = armored(bytes)) {
            for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
                keys.next().encode(armored);
            }
        } catch (IOException e) {
            throw new IllegalStateException("encoding a public key in memory failed", e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** A detached, armored signature of {@code data} made at {@code at} (a {@code .asc} file). */
    public String detachedSignature(byte[] data, Instant at) {
        PGPSignatureGenerator generator = generator(PGPSignature.BINARY_DOCUMENT, at);
        generator.update(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = armored(bytes)) {
            generator.generate().encode(new BCPGOutputStream(armored));
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /**
     * {@code text} as a cleartext-signed message (RFC 4880 §7): the text readable as it is, dash-escaped,
     * followed by the signature over its canonical form (lines ending CR LF, trailing blanks removed).
     */
    public String clearSign(String text, Instant at) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        PGPSignatureGenerator generator = generator(PGPSignature.CANONICAL_TEXT_DOCUMENT, at);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            String canonical = line.replaceAll("[ \\t\\r]+$", "");
            generator.update(((i == 0 ? "" : "\r\n") + canonical).getBytes(StandardCharsets.UTF_8));
            body.append(line.startsWith("-") ? "- " + line : line).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            bytes.writeBytes(("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + body).getBytes(StandardCharsets.UTF_8));
            try (ArmoredOutputStream armored = armored(bytes)) {
                generator.generate().encode(new BCPGOutputStream(armored));
            }
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private PGPSignatureGenerator generator(int type, Instant at) {
        PGPPublicKey publicKey = secret.getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512), publicKey);
        try {
            generator.init(type, privateKey);
        } catch (PGPException e) {
            throw new IllegalStateException("the key cannot sign: " + e.getMessage(), e);
        }
        PGPSignatureSubpacketGenerator subpackets = new PGPSignatureSubpacketGenerator();
        // A signature older than its key is refused by verifiers ("time conflict"): never sign before the key existed.
        Date created = publicKey.getCreationTime();
        subpackets.setSignatureCreationTime(false, Date.from(at).before(created) ? created : Date.from(at));
        subpackets.setIssuerFingerprint(false, publicKey);
        subpackets.setIssuerKeyID(false, publicKey.getKeyID());
        generator.setHashedSubpackets(subpackets.generate());
        return generator;
    }

    private static ArmoredOutputStream armored(ByteArrayOutputStream bytes) {
        return ArmoredOutputStream.builder().clearHeaders().build(bytes);
    }

    private static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
