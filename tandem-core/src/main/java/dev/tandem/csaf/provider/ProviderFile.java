package dev.tandem.csaf.provider;

import java.util.Objects;

/** One file of the directory: its path relative to the directory (forward slashes) and its bytes. */
public record ProviderFile(String path, byte[] content) {

    public ProviderFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
