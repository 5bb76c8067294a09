package dev.tandem.match;

import java.util.Objects;

/**
 * The identity under which advisories and components meet: the OSV ecosystem without its release
 * suffix ({@code "Debian"}, not {@code "Debian:12"}) and the package name normalised by that
 * ecosystem's rules (see {@link PackageNames}).
 */
public record PackageKey(String ecosystem, String name) {
    public PackageKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return ecosystem + "/" + name;
    }
}
