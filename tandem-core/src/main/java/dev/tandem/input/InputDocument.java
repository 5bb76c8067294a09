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
     * size is not known in advance ({@code /dev/zero}, {@code <(…)}), and a pipe is read once. The
     * limit is the smaller of {@code maxBytes} and {@link InputLimits#memoryCeiling()}, so a document
     * too large for this JVM is refused with a message instead of an OutOfMemoryError.
     *
     * @throws InputException naming the file: not found, a directory, unreadable, or over the limit
     */
    public static InputDocument read(Path file, long maxBytes) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file, InputPosition.UNKNOWN, "is a directory, expected a file");
        }
        long ceiling = InputLimits.memoryCeiling();
        long limit = Math.min(maxBytes, ceiling);
        try {
            if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                if (size > limit) {
                    throw tooLarge(file, size, maxBytes, ceiling);
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
                byte[] bytes = in.readNBytes(cap);
                if (bytes.length == cap && in.read() >= 0) {
                    throw tooLarge(file, -1, maxBytes, ceiling);
                }
                return new InputDocument(file.toString(), bytes);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the file: " + reason(e), e);
        }
    }

    private static InputException tooLarge(Path file, long size, long maxBytes, long ceiling) {
        String has = size >= 0 ? "has " + size + " bytes, " : "";
        if (ceiling < maxBytes) {
            return new InputException(file, InputPosition.UNKNOWN, has + "more than this Java process may hold in memory ("
                    + ceiling + " bytes, a quarter of its maximum heap); give Java more memory (for example"
                    + " JAVA_TOOL_OPTIONS=-Xmx8g) or split the document");
        }
        return new InputException(file, InputPosition.UNKNOWN, (size >= 0 ? has : "is ") + "over the limit of "
                + maxBytes + " bytes");
    }

    /** The reason alone: file-system messages repeat the path ("/x: Is a directory"), which the error names already. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
