package dev.tandem.advisory.cvss;

/** A CVSS vector that does not follow its specification; the message says what is wrong. */
final class MalformedVectorException extends Exception {

    MalformedVectorException(String message) {
        super(message);
    }
}
