package dev.tandem.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven ordering, delegated to Maven's own {@link ComparableVersion} from maven-artifact 3.9.x
 * (Maven 4 orders {@code ga}/{@code final}/{@code release} differently; the version is pinned).
 * ComparableVersion accepts any text, so only blank or whitespace-bearing strings are rejected.
 */
final class MavenScheme implements VersionScheme {

    static final MavenScheme INSTANCE = new MavenScheme();

    private MavenScheme() {
    }

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        if (text.isBlank()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw new InvalidVersionException(name(), text, "whitespace inside a version");
            }
        }
        return new MavenVersion(text, new ComparableVersion(text));
    }

    /** A parsed Maven version: ComparableVersion's item list, built once. */
    record MavenVersion(String text, ComparableVersion parsed) implements Version {
        @Override
        public int compareTo(Version other) {
            return Integer.signum(parsed.compareTo(VersionCasts.same(this, other, MavenVersion.class).parsed));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
