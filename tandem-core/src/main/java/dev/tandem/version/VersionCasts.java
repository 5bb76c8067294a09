package dev.tandem.version;

/** Guards comparisons between versions of different schemes, which are programming errors. */
final class VersionCasts {

    private VersionCasts() {
    }

    static <T extends Version> T same(Version self, Version other, Class<T> type) {
        if (type.isInstance(other)) {
            return type.cast(other);
        }
        throw new IllegalArgumentException("cannot compare " + self.getClass().getSimpleName() + " \"" + self.text()
                + "\" with " + (other == null ? "null" : other.getClass().getSimpleName() + " \"" + other.text() + "\""));
    }
}
