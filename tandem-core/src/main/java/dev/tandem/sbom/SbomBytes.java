package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole SBOM file into memory after checking it exists and is under the size limit. */
final class SbomBytes {

    private SbomBytes() {
    }

    static byte[] read(Path file) throws InputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, InputPosition.UNKNOWN, "is a directory, expected an SBOM file");
            }
            long size = Files.size(file);
            long limit = InputLimits.DEFAULT.maxDocumentBytes();
            if (size > limit) {
                throw new InputException(file, InputPosition.UNKNOWN,
                        "file is " + size + " bytes, over the limit of " + limit + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "file not found", e);
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Index of the first byte after an optional UTF-8 byte order mark. */
    static int afterByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
