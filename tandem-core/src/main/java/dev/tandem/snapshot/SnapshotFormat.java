package dev.tandem.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The snapshot file layout (docs/formats/snapshot.md): a 24-byte header (magic, format version,
 * CRC32C of the payload, payload length) and a payload made of sections addressed by a table of
 * offsets. Everything is big-endian; blobs use unsigned LEB128 varints; strings are UTF-8 in one
 * table and referenced by index.
 */
final class SnapshotFormat {

    /** PNG-style magic: a non-ASCII first byte and a line feed catch text-mode transfers. */
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'N', 'D', 'M', 'D', 'B', '\n'};
    static final int VERSION = 3;
    static final int HEADER_SIZE = 24;
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

    static final int META = 0;
    static final int STRINGS = 1;
    static final int PACKAGES = 2;
    static final int PACKAGE_HASH = 3;
    static final int ENTRIES = 4;
    static final int VULNERABILITIES = 5;
    static final int VULNERABILITY_BLOB = 6;
    static final int ID_HASH = 7;
    static final int KEV = 8;
    static final int EPSS = 9;
    static final int CPE_PRODUCTS = 10;
    static final int CPE_PRODUCT_HASH = 11;
    static final int CPE_ENTRIES = 12;
    static final int CVE_RECORDS = 13;
    static final int CVE_RECORD_BLOB = 14;
    static final int SECTION_COUNT = 15;
    static final String[] SECTION_NAMES = {"metadata", "strings", "packages", "package hash", "entries",
            "vulnerabilities", "vulnerability records", "id hash", "KEV", "EPSS", "CPE products", "CPE product hash",
            "CPE entries", "CVE records", "CVE record blobs"};

    /** The layout of the EPSS section, versioned on its own (docs/formats/snapshot.md). */
    static final int EPSS_SECTION_VERSION = 1;
    /** Bytes per EPSS row: CVE key, score, percentile. */
    static final int EPSS_ROW = 24;

    /** Bytes per row of the fixed-size tables. */
    static final int PACKAGE_ROW = 16;
    static final int CPE_PRODUCT_ROW = 12;

    /** How deep an applicability tree may nest in a snapshot (NVD's are two or three levels deep). */
    static final int MAX_NODE_DEPTH = 32;
    static final int HASH_SLOT = 8;

    private SnapshotFormat() {
    }

    static int i32(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    static long i64(byte[] bytes, int at) {
        return ((long) i32(bytes, at) << 32) | (i32(bytes, at + 4) & 0xFFFFFFFFL);
    }

    static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** The hash of a package key; {@link String#hashCode()} is specified, so files hash the same on every JVM. */
    static int packageHash(String ecosystem, String name) {
        return mix(ecosystem.hashCode() * 31 + name.hashCode());
    }

    /** The hash of an advisory id or alias, compared case-insensitively like {@code AdvisoryDatabase}. */
    static int idHash(String upperCaseId) {
        return mix(upperCaseId.hashCode());
    }

    /** The hash of a CPE product key ({@code a:openssl:openssl}). */
    static int productHash(String productKey) {
        return mix(productKey.hashCode());
    }

    /** MurmurHash3's finaliser: spreads String hashes over the low bits a power-of-two table uses. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** A power of two with at least twice as many slots as keys (load factor at most 0.5). */
    static int slotsFor(int keys) {
        int slots = 16;
        while (slots < keys * 2L && slots < (1 << 29)) {
            slots <<= 1;
        }
        return slots;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
