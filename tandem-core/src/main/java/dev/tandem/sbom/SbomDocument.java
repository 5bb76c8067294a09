package dev.tandem.sbom;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One SBOM document parsed once: its format, told from the content, and the parsed tree (a JSON tree,
 * an XML element tree, or the tag-value lines). Everything Tandem reads from an SBOM is a view of this
 * one parse: the {@link Sbom} model, the {@link SbomDetails} quality checks read, and the
 * cryptographic inventory (which reads the JSON tree through {@link #json()}). Views are derived on
 * first use and kept; none of them reads the bytes again.
 *
 * <p>Every error, from the parse or from any view, is an {@link InputException} naming the source and
 * the position in one form: line, column and, for JSON, the pointer.
 */
public final class SbomDocument {

    private final String source;
    private final SbomFormat format;
    private final Parsed parsed;
    private View view;
    private SbomDetails details;

    /** The parsed content, by syntax. */
    sealed interface Parsed {
        /** CycloneDX or SPDX JSON. */
        record Json(JsonTree tree) implements Parsed {
        }

        /** CycloneDX XML: the root element. */
        record Xml(XmlElement root) implements Parsed {
        }

        /** SPDX tag-value: the tags in document order. */
        record TagValue(List<TagValueLine> lines) implements Parsed {
        }
    }

    /**
     * What a format's reader makes of the parse: the model, and how to read the details (null for a
     * reader that gives none). Details are read on first use only: a scan needs the model alone.
     */
    record View(Sbom sbom, Supplier<SbomDetails> details) {
    }

    SbomDocument(String source, SbomFormat format, Parsed parsed) {
        this.source = Objects.requireNonNull(source, "source");
        this.format = Objects.requireNonNull(format, "format");
        this.parsed = Objects.requireNonNull(parsed, "parsed");
    }

    /** Parses a document of any supported format under the default limits. */
    public static SbomDocument parse(InputDocument document) throws InputException {
        return parse(document, InputLimits.DEFAULT);
    }

    /**
     * Tells the format from the content (never from the name) and parses the whole document.
     *
     * @throws InputException when the document is empty, of no supported format, malformed, hostile
     *                        or over {@code limits}, naming the source and the position
     */
    public static SbomDocument parse(InputDocument document, InputLimits limits) throws InputException {
        return FormatSniffer.parse(document.source(), document.content(), limits);
    }

    /** The name errors and outputs give the document (a path, an upload's name). */
    public String source() {
        return source;
    }

    public SbomFormat format() {
        return format;
    }

    /** The JSON tree, for views that read fields the SBOM model does not carry; empty for XML and tag-value. */
    public Optional<JsonTree> json() {
        return parsed instanceof Parsed.Json json ? Optional.of(json.tree()) : Optional.empty();
    }

    /**
     * The SBOM model: the subject and every component, with the dependency kinds.
     *
     * @throws InputException when the document's structure is wrong for its format (a value of the wrong
     *                        type, an unsupported version), naming the position
     */
    public Sbom sbom() throws InputException {
        return view().sbom();
    }

    /**
     * The details quality checks read, one entry per component of {@link #sbom()}, read by the same
     * rules from every format (CycloneDX JSON and XML, SPDX JSON and tag-value), so the same content
     * gets the same verdict. Empty only for a reader that gives no details (none today).
     */
    public Optional<SbomDetails> details() throws InputException {
        View read = view();
        if (read.details() == null) {
            return Optional.empty();
        }
        synchronized (this) {
            if (details == null) {
                details = read.details().get();
            }
            return Optional.of(details);
        }
    }

    private synchronized View view() throws InputException {
        if (view == null) {
            view = switch (parsed) {
                case Parsed.Json json -> format == SbomFormat.CYCLONEDX_JSON
                        ? CycloneDxJsonReader.view(json.tree())
                        : SpdxJsonReader.view(json.tree());
                case Parsed.Xml xml -> CycloneDxXmlReader.view(source, xml.root());
                case Parsed.TagValue tagValue -> SpdxTagValueReader.view(source, tagValue.lines());
            };
        }
        return view;
    }
}
