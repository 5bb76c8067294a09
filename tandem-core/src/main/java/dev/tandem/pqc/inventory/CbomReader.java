package dev.tandem.pqc.inventory;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.SbomDocument;

/**
 * The cryptographic inventory of a product, as a view of one parsed CycloneDX JSON CBOM (or ordinary
 * CycloneDX / SPDX JSON SBOM): {@link #inventory(SbomDocument)} reads the document's JSON tree, so the
 * same parse also gives the SBOM model and its quality facts. Bad input fails with an
 * {@link InputException} naming the source, line, column and JSON pointer: malformed JSON, values of
 * the wrong type, a document that is not an SBOM, a crypto asset without an assetType, and a crypto
 * reference pointing to no component.
 */
public final class CbomReader {

    private final InputLimits limits;

    /**
     * The most cryptographic assets one document may hold: one per 32 KiB of the JVM's maximum heap
     * (about 32,000 per GiB). Classifying and planning an asset and rendering its findings takes about
     * 15–20 KiB (measured: 100,000 assets need between 1 and 2 GiB), so past this the run would end in
     * an OutOfMemoryError; the document is refused with a message instead (docs/formats/cbom.md).
     */
    public static long maxAssets() {
        return Math.max(1_000, Runtime.getRuntime().maxMemory() / (32 * 1024));
    }

    public CbomReader() {
        this(InputLimits.DEFAULT);
    }

    public CbomReader(InputLimits limits) {
        this.limits = limits;
    }

    /** Parses one document and reads its inventory; {@code source} names it in errors and in the inventory. */
    public CryptoInventory read(String source, byte[] bytes) throws InputException {
        return read(new InputDocument(source, bytes));
    }

    /** Parses one document and reads its inventory. */
    public CryptoInventory read(InputDocument document) throws InputException {
        // Before the parse, so that XML of any kind (a DOCTYPE included) gets the one answer that helps.
        rejectXml(document.source(), document.content());
        return inventory(SbomDocument.parse(document, limits));
    }

    /** The inventory of a document already parsed (and perhaps read for other views too). */
    public static CryptoInventory inventory(SbomDocument document) throws InputException {
        JsonTree tree = document.json().orElseThrow(() -> new InputException(document.source(), InputPosition.at(1, 1),
                document.format().label() + " is not read for the cryptographic inventory: give the JSON form of the document"));
        return switch (document.format()) {
            case SPDX_JSON -> new SpdxPackages(tree).inventory();
            default -> new CycloneDxWalk(tree).inventory();
        };
    }

    private static void rejectXml(String source, byte[] bytes) throws InputException {
        for (byte b : bytes) {
            if (b == '<') {
                throw new InputException(source, InputPosition.at(1, 1),
                        "XML documents are not read for the cryptographic inventory: give the CycloneDX JSON form of the CBOM");
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return;
            }
        }
    }
}
