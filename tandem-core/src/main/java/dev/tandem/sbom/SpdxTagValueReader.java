package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SPDX 2.3 tag-value documents: {@code Tag: value} lines, {@code <text>…</text>} values over
 * several lines, packages from {@code PackageName} to the next package, file, snippet or licence.
 * Tags Tandem does not use are skipped; a line that is not {@code Tag: value} is an error with its line.
 */
public final class SpdxTagValueReader implements SbomReader {

    private static final String TEXT_START = "<text>";
    private static final String TEXT_END = "</text>";

    @Override
    public SbomFormat format() {
        return SbomFormat.SPDX_TAG_VALUE;
    }

    @Override
    public Sbom read(Path file, byte[] bytes) throws InputException {
        int start = SbomBytes.afterByteOrderMark(bytes);
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Section section = new Section(file);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            int lineNumber = index + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank() || line.substring(0, colon).strip().contains(" ")) {
                throw new InputException(file, InputPosition.at(lineNumber, 1),
                        "expected a \"Tag: value\" line, found \"" + abbreviate(line.strip()) + "\"");
            }
            String tag = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.startsWith(TEXT_START)) {
                StringBuilder textValue = new StringBuilder(value.substring(TEXT_START.length()));
                int end = textValue.indexOf(TEXT_END);
                int startLine = lineNumber;
                int startColumn = line.indexOf(TEXT_START) + 1;
                while (end < 0) {
                    index++;
                    if (index >= lines.length) {
                        throw new InputException(file, InputPosition.at(startLine, startColumn),
                                "<text> value of " + tag + " is not closed by </text>");
                    }
                    textValue.append('\n').append(lines[index]);
                    if (textValue.length() > InputLimits.DEFAULT.maxStringLength()) {
                        throw new InputException(file, InputPosition.at(startLine, startColumn),
                                "<text> value of " + tag + " is longer than " + InputLimits.DEFAULT.maxStringLength()
                                        + " characters");
                    }
                    end = textValue.indexOf(TEXT_END);
                }
                value = textValue.substring(0, end).strip();
            }
            section.accept(tag, value, lineNumber);
        }
        return section.finish(file);
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    /** Which part of the document the current tags belong to, and the package being collected. */
    private static final class Section {
        private final Path file;
        private final SpdxSbomBuilder builder = new SpdxSbomBuilder();
        private PackageLines current;
        private boolean inDocument = true;
        private boolean sawVersion;

        Section(Path file) {
            this.file = file;
        }

        void accept(String tag, String value, int line) throws InputException {
            switch (tag) {
                case "SPDXVersion" -> {
                    if (!value.startsWith("SPDX-2.")) {
                        throw new InputException(file, InputPosition.at(line, 1),
                                "expected an SPDX 2.x version such as \"SPDX-2.3\", found \"" + value + "\"");
                    }
                    sawVersion = true;
                    builder.specVersion(value);
                }
                case "PackageName" -> {
                    closePackage();
                    inDocument = false;
                    current = new PackageLines(value);
                }
                case "FileName", "SnippetSPDXID", "LicenseID" -> {
                    closePackage();
                    inDocument = false;
                }
                case "SPDXID" -> {
                    if (current != null) {
                        current.spdxId = value;
                    } else if (inDocument) {
                        builder.documentId(value);
                    }
                }
                case "Relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length != 3) {
                        throw new InputException(file, InputPosition.at(line, 1),
                                "expected \"Relationship: <element> <TYPE> <related element>\", found \"" + value + "\"");
                    }
                    builder.add(new SpdxRelationship(parts[0], parts[1], parts[2]));
                }
                default -> {
                    if (current != null) {
                        current.accept(file, tag, value, line);
                    }
                }
            }
        }

        private void closePackage() {
            if (current != null) {
                builder.add(current.toPackage());
                current = null;
            }
        }

        Sbom finish(Path path) throws InputException {
            if (!sawVersion) {
                throw new InputException(file, InputPosition.UNKNOWN, "no \"SPDXVersion:\" line; expected an SPDX 2.x tag-value document");
            }
            closePackage();
            return builder.build(path, SbomFormat.SPDX_TAG_VALUE);
        }
    }

    /** The tags of one package, as they come. */
    private static final class PackageLines {
        private final String name;
        private String spdxId = "";
        private String version = "";
        private String supplier = "";
        private String originator = "";
        private String licenseConcluded = "";
        private String licenseDeclared = "";
        private final List<Hash> hashes = new ArrayList<>();
        private final SpdxSbomBuilder.ExternalRefs refs = new SpdxSbomBuilder.ExternalRefs();

        PackageLines(String name) {
            this.name = name;
        }

        void accept(Path file, String tag, String value, int line) throws InputException {
            switch (tag) {
                case "PackageVersion" -> version = value;
                case "PackageSupplier" -> supplier = SpdxSbomBuilder.party(value);
                case "PackageOriginator" -> originator = SpdxSbomBuilder.party(value);
                case "PackageLicenseConcluded" -> licenseConcluded = value;
                case "PackageLicenseDeclared" -> licenseDeclared = value;
                case "PackageChecksum" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw new InputException(file, InputPosition.at(line, 1),
                                "expected \"PackageChecksum: <ALGORITHM>: <hex value>\", found \"" + value + "\"");
                    }
                    String hex = value.substring(colon + 1).strip();
                    if (!hex.isEmpty()) {
                        hashes.add(new Hash(value.substring(0, colon).strip(), hex));
                    }
                }
                case "ExternalRef" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length != 3) {
                        throw new InputException(file, InputPosition.at(line, 1),
                                "expected \"ExternalRef: <CATEGORY> <type> <locator>\", found \"" + value + "\"");
                    }
                    refs.add(parts[0], parts[1], parts[2]);
                }
                default -> {
                }
            }
        }

        SpdxPackage toPackage() {
            return new SpdxPackage(spdxId, name, version, supplier, originator, hashes, licenseConcluded,
                    licenseDeclared, refs.purl(), refs.cpe());
        }
    }
}
