package dev.tandem.version;

import java.util.Objects;

/** One OSV range event: {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, with its version. */
public record RangeEvent(Kind kind, String version) {

    /** The four OSV event keys. */
    public enum Kind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String osvKey;

        Kind(String osvKey) {
            this.osvKey = osvKey;
        }

        public String osvKey() {
            return osvKey;
        }
    }

    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }
}
