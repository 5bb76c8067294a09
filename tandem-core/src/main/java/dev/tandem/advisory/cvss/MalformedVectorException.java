package dev.tandem.advisory.cvss;

/** A CVSS vector that does not follow its specification; the message says what is wrong. */
final class MalformedVectorException extends Exception {

    MalformedVectorException(String message) {
        // No stack trace: the message is all a caller reports, and a feed may hold many bad vectors.
        super(message, null, false, false);
    }
}
