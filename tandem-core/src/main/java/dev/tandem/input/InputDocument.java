package dev.tandem.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One document as bytes, with the name that errors and outputs give it: a file path, an upload's
 * name, an archive entry. This is how use cases take their inputs, so a front end that holds the
 * bytes already (an HTTP upload, a test) never needs a file.
 */
public record InputDocument(String source, byte[] content) {

    public InputDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
    }

    /** A document from text, for tests and front ends that hold strings. */
    public static InputDocument of(String source, String text) {
        return new InputDocument(source, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads a file under the default document limit. */
    public static InputDocument read(Path file) throws InputException {
        return read(file, InputLimits.DEFAULT.maxDocumentBytes());
    }

    /**
     * Reads a file through a bounded stream: the limit holds for pipes and special files too, whose
     * size is not known in advance, and a pipe is read once.
     */
    public static InputDocument read(Path file, long maxBytes) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file, InputPosition.UNKNOWN, "is a directory, expected a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
            byte[] bytes = in.readNBytes(cap);
            if (bytes.length == cap && in.read() >= 0) {
                throw new InputException(file, InputPosition.UNKNOWN, "is over the limit of " + maxBytes + " bytes");
            }
            return new InputDocument(file.toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
    }
}
