package dev.tandem.usecase.reporting;

import dev.tandem.input.InputDocument;
import dev.tandem.reporting.incident.IncidentReadResult;
import java.util.Objects;

/** An incident record as a use case takes it: a document still to read, or a record a front end has already read. */
public sealed interface IncidentInput permits IncidentInput.Document, IncidentInput.Parsed {

    /** The name messages and outputs give the record (a file path, an upload's name). */
    String source();

    /** A record still to read (JSON or YAML, told apart by the name's extension or the first character). */
    static IncidentInput of(InputDocument document) {
        return new Document(document);
    }

    /** A record already read against the same catalog, with the warnings found while reading it. */
    static IncidentInput parsed(IncidentReadResult read) {
        return new Parsed(read);
    }

    /** The bytes of a record. */
    record Document(InputDocument document) implements IncidentInput {
        public Document {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String source() {
            return document.source();
        }
    }

    /** A record already read. */
    record Parsed(IncidentReadResult read) implements IncidentInput {
        public Parsed {
            Objects.requireNonNull(read, "read");
        }

        @Override
        public String source() {
            return read.record().source();
        }
    }
}
