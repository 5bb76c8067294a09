package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SPDX 2.3 tag-value documents: {@code Tag: value} lines, {@code <text>…</text>} values over
 * several lines, packages from {@code PackageName} to the next package, file, snippet or licence.
 * Tags Tandem does not use are skipped; a line that is not {@code Tag: value} is an error with its line.
 */
public final class SpdxTagValueReader implements SbomReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.SPDX_TAG_VALUE;
    }

    /** The model and details of a parsed document, read into the builder the JSON reader fills too. */
    static SbomDocument.View view(String source, List<TagValueLine> lines) throws InputException {
        Section section = new Section(source);
        for (TagValueLine line : lines) {
            section.accept(line.tag(), line.value(), line.line());
        }
        return section.finish();
    }

    /** Which part of the document the current tags belong to, and the package being collected. */
    private static final class Section {
        private final String file;
        private final SpdxSbomBuilder builder = new SpdxSbomBuilder();
        private PackageLines current;
        private boolean inDocument = true;
        private int packages;
        private boolean withId = true;
        private boolean withDownload = true;
        private boolean sawVersion;

        Section(String file) {
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
                    current = new PackageLines(value, line);
                }
                case "Creator" -> builder.creator(value);
                case "Created" -> builder.created(value);
                case "DocumentNamespace" -> builder.namespace(value);
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
                withId &= !current.spdxId.isEmpty();
                withDownload &= current.hasDownloadLocation;
                packages++;
                builder.add(current.toPackage());
                current = null;
            }
        }

        /**
         * Tag-value has no closing line, so a document cut at a line boundary reads as a shorter one. What
         * can be seen: a last package without SPDXID or PackageDownloadLocation (both required by SPDX
         * 2.3) where every package before it has them is cut inside that package.
         */
        private void truncation(PackageLines last) throws InputException {
            if (packages == 0) {
                return;
            }
            String missing = withId && last.spdxId.isEmpty() ? "SPDXID"
                    : withDownload && !last.hasDownloadLocation ? "PackageDownloadLocation" : null;
            if (missing != null) {
                throw new InputException(file, InputPosition.at(last.line, 1), "the document ends inside package '"
                        + last.name + "', which has no " + missing + " (required by SPDX 2.3, and given by every package"
                        + " before it): the document looks cut off");
            }
        }

        SbomDocument.View finish() throws InputException {
            if (!sawVersion) {
                throw new InputException(file, InputPosition.UNKNOWN, "no \"SPDXVersion:\" line; expected an SPDX 2.x tag-value document");
            }
            if (current != null) {
                truncation(current);
            }
            closePackage();
            return builder.view(file, SbomFormat.SPDX_TAG_VALUE);
        }
    }

    /** The tags of one package, as they come. */
    private static final class PackageLines {
        private final String name;
        private final int line;
        private boolean hasDownloadLocation;
        private String spdxId = "";
        private String version = "";
        private String supplier = "";
        private String originator = "";
        private String licenseConcluded = "";
        private String licenseDeclared = "";
        private String fileName = "";
        private String downloadLocation = "";
        private final List<Hash> hashes = new ArrayList<>();
        private final SpdxSbomBuilder.ExternalRefs refs = new SpdxSbomBuilder.ExternalRefs();

        PackageLines(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void accept(String file, String tag, String value, int line) throws InputException {
            switch (tag) {
                case "PackageVersion" -> version = value;
                case "PackageSupplier" -> supplier = SpdxSbomBuilder.party(value);
                case "PackageOriginator" -> originator = SpdxSbomBuilder.party(value);
                case "PackageLicenseConcluded" -> licenseConcluded = value;
                case "PackageLicenseDeclared" -> licenseDeclared = value;
                case "PackageFileName" -> fileName = value;
                case "PackageDownloadLocation" -> {
                    downloadLocation = value;
                    hasDownloadLocation = true;
                }
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
                    licenseDeclared, refs.purl(), refs.cpe(), fileName, downloadLocation);
        }
    }
}
