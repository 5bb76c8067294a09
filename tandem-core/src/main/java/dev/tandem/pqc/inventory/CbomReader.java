package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CycloneDX JSON CBOM (or an ordinary CycloneDX / SPDX JSON SBOM) into a
 * {@link CryptoInventory}. Bad input fails with an {@link InputException} naming the file and the
 * line, column and JSON pointer: malformed JSON, values of the wrong type, a document that is not
 * an SBOM, a crypto asset without an assetType, and a crypto reference pointing to no component.
 */
public final class CbomReader {

    private final InputLimits limits;

    public CbomReader() {
        this(InputLimits.DEFAULT);
    }

    public CbomReader(InputLimits limits) {
        this.limits = limits;
    }

    /** Reads one file. */
    public CryptoInventory read(Path file) throws InputException, IOException {
        long size = Files.size(file);
        if (size > limits.maxDocumentBytes()) {
            throw new InputException(file, InputPosition.UNKNOWN,
                    "document is " + size + " bytes, above the limit of " + limits.maxDocumentBytes());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        return read(file.toString(), bytes);
    }

    /** Reads one document; {@code source} names it in errors and in the inventory. */
    public CryptoInventory read(String source, byte[] bytes) throws InputException {
        rejectXml(source, bytes);
        BomJson bom;
        try {
            bom = JsonInput.json(limits).readValue(bytes, BomJson.class);
        } catch (JsonProcessingException e) {
            throw CbomParseError.of(source, bytes, e, limits);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, e.getMessage(), e);
        }
        if (bom == null) {
            throw new InputException(source, InputPosition.at(1, 1), "expected a JSON object, found null");
        }
        if (bom.spdxVersion() != null) {
            return new SpdxPackages(source, bom).inventory();
        }
        if (!"CycloneDX".equals(bom.bomFormat())) {
            throw new InputException(source, InputPosition.at(1, 1), bom.bomFormat() == null
                    ? "not a CycloneDX or SPDX document: \"bomFormat\": \"CycloneDX\" (or \"spdxVersion\") is missing"
                    : "not a CycloneDX document: bomFormat is \"" + bom.bomFormat() + "\", expected \"CycloneDX\"");
        }
        return new CycloneDxWalk(source, bytes, bom).inventory();
    }

    private static void rejectXml(String source, byte[] bytes) throws InputException {
        for (byte b : bytes) {
            if (b == '<') {
                throw new InputException(source, InputPosition.at(1, 1),
                        "XML documents are not read by tandem pqc: give the CycloneDX JSON form of the CBOM");
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return;
            }
        }
    }

}
