package dev.tandem.snapshot;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.CRC32C;

/**
 * A loaded snapshot: the file's bytes, verified (magic, format version, length, CRC32C) and with
 * its tables bounds-checked, decoded no further than the metadata and the KEV list. Package
 * entries and vulnerabilities are decoded on demand by {@link #index()}. Immutable and thread-safe.
 */
public final class Snapshot {

    private final String source;
    /** The whole file, big-endian; read only with absolute gets, so threads can share it. */
    private final ByteBuffer bytes;
    private final int[] sectionStart = new int[SnapshotFormat.SECTION_COUNT];
    private final int[] sectionEnd = new int[SnapshotFormat.SECTION_COUNT];
    private final int stringCount;
    private final int stringOffsets;
    private final int stringData;
    private final AtomicReferenceArray<String> stringCache;
    private final int packageCount;
    private final int packageSlots;
    private final int vulnerabilityCount;
    private final int idSlots;
    private final int cpeProductCount;
    private final int cpeProductSlots;
    private final int cveRecordCount;
    private final SnapshotInfo info;
    private final List<KevEntry> kev;
    private final SnapshotEpss epss;

    private Snapshot(String source, ByteBuffer bytes) throws InputException {
        this.source = source;
        this.bytes = bytes;
        int checksum = header();
        sections();
        try {
            PayloadReader strings = section(SnapshotFormat.STRINGS);
            stringCount = strings.i32();
            stringOffsets = strings.position();
            long dataStart = (long) stringOffsets + 4L * (stringCount + 1L);
            if (stringCount < 1 || dataStart > sectionEnd[SnapshotFormat.STRINGS]) {
                throw corrupt("the string table is malformed");
            }
            stringData = (int) dataStart;
            stringCache = new AtomicReferenceArray<>(stringCount);
            // The tables' contents are bounds-checked where they are used, not here: a load must
            // not touch the millions of rows a scan never reads (the checksum already caught damage).
            packageCount = fixedTable(SnapshotFormat.PACKAGES, SnapshotFormat.PACKAGE_ROW, "package table");
            packageSlots = hashTable(SnapshotFormat.PACKAGE_HASH, "package hash table");
            vulnerabilityCount = fixedTable(SnapshotFormat.VULNERABILITIES, 4, "vulnerability table");
            idSlots = hashTable(SnapshotFormat.ID_HASH, "id hash table");
            cpeProductCount = fixedTable(SnapshotFormat.CPE_PRODUCTS, SnapshotFormat.CPE_PRODUCT_ROW, "CPE product table");
            cpeProductSlots = hashTable(SnapshotFormat.CPE_PRODUCT_HASH, "CPE product hash table");
            cveRecordCount = fixedTable(SnapshotFormat.CVE_RECORDS, 4, "CVE record table");

            PayloadReader kevReader = section(SnapshotFormat.KEV);
            int kevCount = kevReader.count();
            List<KevEntry> entries = new ArrayList<>(kevCount);
            for (int i = 0; i < kevCount; i++) {
                entries.add(kevEntry(kevReader));
            }
            kev = List.copyOf(entries);
            epss = epssSection();
            info = meta(checksum);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.time.DateTimeException e) {
            throw corrupt("malformed content (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads and verifies a snapshot file.
     *
     * @throws InputException naming the file when it is missing, not a snapshot (foreign magic), of
     *                        another format version, truncated or longer than its header says, or
     *                        corrupt (checksum mismatch or malformed tables)
     */
    public static Snapshot load(Path file) throws InputException {
        long limit = SnapshotFormat.MAX_PAYLOAD + (long) SnapshotFormat.HEADER_SIZE;
        // A regular file is mapped, not copied: a cold scan of a 150 MB snapshot spent about 150 ms of
        // CPU reading it into a new heap array (page faults and zeroing), against 50 ms to map it and
        // check its CRC32C (docs/performance.md, "Start-up"). Files are replaced by renaming a new one
        // into place (tandem's own writers do), so a mapping keeps the content it was checked with.
        if (Files.isRegularFile(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size <= limit) {
                    return new Snapshot(file.toString(), channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not mappable (a file system without mmap, no read permission): read below, which names the problem
            }
        }
        // The one bounded reader: a pipe or special file (size unknown) cannot run past the format's 2 GiB.
        byte[] bytes = InputDocument.read(file, limit).content();
        return new Snapshot(file.toString(), ByteBuffer.wrap(bytes));
    }

    /**
     * The payload checksum a snapshot file's header states, read from its first bytes without loading
     * it; empty when the file is missing, not a snapshot, or of another format version.
     */
    public static java.util.OptionalInt storedChecksum(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SnapshotFormat.HEADER_SIZE);
            if (header.length < SnapshotFormat.HEADER_SIZE
                    || !Arrays.equals(header, 0, SnapshotFormat.MAGIC.length, SnapshotFormat.MAGIC, 0, SnapshotFormat.MAGIC.length)
                    || SnapshotFormat.i32(header, 8) != SnapshotFormat.VERSION) {
                return java.util.OptionalInt.empty();
            }
            return java.util.OptionalInt.of(SnapshotFormat.i32(header, 12));
        } catch (IOException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The payload checksum an encoded snapshot's header states. */
    public static int storedChecksum(byte[] file) {
        return SnapshotFormat.i32(file, 12);
    }

    /** Verifies a snapshot held in memory; {@code source} names it in errors. */
    public static Snapshot of(String source, byte[] bytes) throws InputException {
        return new Snapshot(source, ByteBuffer.wrap(bytes));
    }

    /** The file (or label) the snapshot was loaded from. */
    public String source() {
        return source;
    }

    public SnapshotInfo info() {
        return info;
    }

    /** The EPSS scores the snapshot was built with, if any. */
    public Optional<EpssData> epss() {
        return Optional.ofNullable(epss);
    }

    /** Every KEV entry the snapshot was built with, as read (duplicates included). */
    public List<KevEntry> kevEntries() {
        return kev;
    }

    /** An index answering lookups from the snapshot, with the KEV assertions it was built with. */
    public SnapshotIndex index() {
        return new SnapshotIndex(this, null);
    }

    /**
     * An index whose KEV assertions of the catalogues present in {@code fresherKev} are replaced by
     * those entries (joined through the snapshot's ids); other catalogues keep the snapshot's.
     *
     * @throws CorruptSnapshotException when the id table is malformed (a crafted file)
     */
    public SnapshotIndex index(List<KevEntry> fresherKev) {
        if (fresherKev.isEmpty()) {
            return index();
        }
        try {
            return new SnapshotIndex(this, new KevOverlay(this, fresherKev));
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptSnapshotException(corrupt("malformed id table (" + e.getMessage() + ")"));
        }
    }

    // ---- header and tables -------------------------------------------------------------------

    private int header() throws InputException {
        int length = bytes.capacity();
        byte[] start = new byte[Math.min(length, SnapshotFormat.MAGIC.length)];
        bytes.get(0, start);
        if (length < SnapshotFormat.MAGIC.length
                || !Arrays.equals(start, 0, SnapshotFormat.MAGIC.length, SnapshotFormat.MAGIC, 0, SnapshotFormat.MAGIC.length)) {
            if (length < SnapshotFormat.MAGIC.length && Arrays.equals(start, 0, length,
                    SnapshotFormat.MAGIC, 0, length)) {
                throw error("truncated: " + bytes.capacity() + " bytes, shorter than the snapshot header ("
                        + SnapshotFormat.HEADER_SIZE + " bytes)");
            }
            throw error("not a Tandem advisory snapshot (unknown magic bytes " + HexFormat.of().formatHex(start) + "); build one from the OSV advisories");
        }
        if (bytes.capacity() < SnapshotFormat.HEADER_SIZE) {
            throw error("truncated: " + bytes.capacity() + " bytes, shorter than the snapshot header ("
                    + SnapshotFormat.HEADER_SIZE + " bytes)");
        }
        int version = bytes.getInt(8);
        if (version != SnapshotFormat.VERSION) {
            throw error("snapshot format version " + Integer.toUnsignedString(version) + ", but this Tandem reads version "
                    + SnapshotFormat.VERSION + ": rebuild the snapshot from its advisories");
        }
        int checksum = bytes.getInt(12);
        long payload = bytes.getLong(16);
        long expected = SnapshotFormat.HEADER_SIZE + payload;
        if (payload < 0 || bytes.capacity() < expected) {
            throw error("truncated: " + bytes.capacity() + " bytes, but the header announces " + expected);
        }
        if (bytes.capacity() > expected) {
            throw error((bytes.capacity() - expected) + " unexpected bytes after the end of the snapshot (" + expected
                    + " bytes); the file is corrupt");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(SnapshotFormat.HEADER_SIZE, (int) payload));
        int actual = (int) crc.getValue();
        if (actual != checksum) {
            throw error("checksum mismatch (CRC32C " + hex(actual) + ", header says " + hex(checksum)
                    + "): the file is corrupt; rebuild it from its advisories");
        }
        return checksum;
    }

    private void sections() throws InputException {
        int base = SnapshotFormat.HEADER_SIZE;
        int payloadEnd = bytes.capacity();
        if (payloadEnd - base < 4 + 8 * SnapshotFormat.SECTION_COUNT
                || bytes.getInt(base) != SnapshotFormat.SECTION_COUNT) {
            throw corrupt("the section table is malformed");
        }
        for (int s = 0; s < SnapshotFormat.SECTION_COUNT; s++) {
            long start = base + (long) bytes.getInt(base + 4 + 8 * s);
            long length = bytes.getInt(base + 8 + 8 * s);
            if (start < base || length < 0 || start + length > payloadEnd) {
                throw corrupt("the " + SnapshotFormat.SECTION_NAMES[s] + " section lies outside the file");
            }
            sectionStart[s] = (int) start;
            sectionEnd[s] = (int) (start + length);
        }
    }

    PayloadReader section(int section) {
        return new PayloadReader(bytes, sectionStart[section], sectionEnd[section]);
    }

    PayloadReader at(int section, int offset) {
        if (offset < 0 || offset >= sectionEnd[section] - sectionStart[section]) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside the "
                    + SnapshotFormat.SECTION_NAMES[section] + " section");
        }
        return new PayloadReader(bytes, sectionStart[section] + offset, sectionEnd[section]);
    }

    private int fixedTable(int section, int rowSize, String name) throws InputException {
        int start = sectionStart[section];
        int length = sectionEnd[section] - start;
        int rows = length >= 4 ? bytes.getInt(start) : -1;
        if (rows < 0 || 4L + (long) rows * rowSize != length) {
            throw corrupt("the " + name + " is malformed");
        }
        return rows;
    }

    private int hashTable(int section, String name) throws InputException {
        int start = sectionStart[section];
        int length = sectionEnd[section] - start;
        int slots = length >= 4 ? bytes.getInt(start) : -1;
        if (slots <= 0 || Integer.bitCount(slots) != 1 || 4L + (long) slots * SnapshotFormat.HASH_SLOT != length) {
            throw corrupt("the " + name + " is malformed");
        }
        return slots;
    }

    private SnapshotInfo meta(int checksum) {
        PayloadReader in = section(SnapshotFormat.META);
        String toolVersion = string(in.varint());
        Instant builtAt = Instant.ofEpochSecond(in.i64(), in.i32());
        List<String> sources = strings(in);
        List<String> kevSources = strings(in);
        AdvisoryDatabase.Stats stats = new AdvisoryDatabase.Stats(in.varlong(), in.varlong(), in.varlong(),
                in.varlong(), in.varlong(), in.varlong(), in.varlong());
        long packages = in.varlong();
        long entries = in.varlong();
        int ecosystems = in.count();
        List<EcosystemCount> counts = new ArrayList<>(ecosystems);
        for (int i = 0; i < ecosystems; i++) {
            counts.add(new EcosystemCount(string(in.varint()), in.varlong(), in.varlong(), in.varlong()));
        }
        List<String> recordSources = strings(in);
        stats = new AdvisoryDatabase.Stats(stats.advisories(), stats.withdrawn(), stats.duplicates(),
                stats.vulnerabilities(), stats.kevEntries(), stats.kevMatched(), stats.unmatchedKev(), in.varlong(),
                in.varlong());
        long cpeRecords = in.varlong();
        long cpeProducts = in.varlong();
        return new SnapshotInfo(SnapshotFormat.VERSION, bytes.capacity(), checksum,
                new SnapshotProvenance(toolVersion, builtAt, sources, kevSources, recordSources), stats, packages, entries,
                counts, cpeRecords, cpeProducts, epss == null ? null : EpssProvenance.of(epss));
    }

    /** The EPSS section's header, checked; its rows are read by {@link SnapshotEpss} on lookup. */
    private SnapshotEpss epssSection() throws InputException {
        PayloadReader in = section(SnapshotFormat.EPSS);
        int layout = in.u8();
        if (layout != SnapshotFormat.EPSS_SECTION_VERSION) {
            throw corrupt("EPSS section layout " + layout + ", expected " + SnapshotFormat.EPSS_SECTION_VERSION);
        }
        if (in.u8() == 0) {
            return null;
        }
        String epssSource = string(in.varint());
        String model = string(in.varint());
        LocalDate scored = date(in);
        int rows = in.i32();
        int start = in.position();
        if (rows < 0 || start + (long) rows * SnapshotFormat.EPSS_ROW != sectionEnd[SnapshotFormat.EPSS]) {
            throw corrupt("the EPSS table is malformed");
        }
        return new SnapshotEpss(this, bytes, start, rows, epssSource, model, scored);
    }

    private List<String> strings(PayloadReader in) {
        int count = in.count();
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(string(in.varint()));
        }
        return list;
    }

    KevEntry kevEntry(PayloadReader in) {
        String cve = string(in.varint());
        KevCatalog catalog = KevCatalog.valueOf(string(in.varint()));
        LocalDate added = date(in);
        LocalDate due = date(in);
        boolean ransomware = in.u8() != 0;
        return new KevEntry(cve, catalog, added, due, ransomware, string(in.varint()), string(in.varint()),
                string(in.varint()), string(in.varint()));
    }

    private static LocalDate date(PayloadReader in) {
        return in.u8() == 0 ? null : LocalDate.ofEpochDay(in.i64());
    }

    // ---- random access used by the index ----------------------------------------------------

    boolean isString(int index) {
        return index >= 0 && index < stringCount;
    }

    boolean isVulnerability(int index) {
        return index >= 0 && index < vulnerabilityCount;
    }

    String string(int index) {
        String cached = stringCache.get(checkedString(index));
        if (cached == null) {
            int from = stringStart(index);
            byte[] utf8 = new byte[stringEnd(index) - from];
            bytes.get(stringData + from, utf8);
            cached = new String(utf8, StandardCharsets.UTF_8);
            stringCache.set(index, cached);
        }
        return cached;
    }

    private int checkedString(int index) {
        if (!isString(index)) {
            throw new IndexOutOfBoundsException("string " + index + " of " + stringCount);
        }
        return index;
    }

    private int stringStart(int index) {
        int from = bytes.getInt(stringOffsets + 4 * index);
        int to = bytes.getInt(stringOffsets + 4 * index + 4);
        if (from < 0 || to < from || stringData + (long) to > sectionEnd[SnapshotFormat.STRINGS]) {
            throw new IndexOutOfBoundsException("string " + index + " lies outside the string table");
        }
        return from;
    }

    private int stringEnd(int index) {
        return bytes.getInt(stringOffsets + 4 * index + 4);
    }

    /** True when string {@code index} holds exactly {@code text}, without decoding it. */
    boolean stringEquals(int index, String text) {
        int from = stringStart(checkedString(index));
        int to = stringEnd(index);
        int length = to - from;
        if (length == text.length()) {
            // ASCII fast path: equal lengths and equal bytes mean equal strings.
            int base = stringData + from;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || bytes.get(base + i) != (byte) c) {
                    return c >= 0x80 && string(index).equals(text);
                }
            }
            return true;
        }
        return length > text.length() && string(index).equals(text);
    }

    int packageCount() {
        return packageCount;
    }

    int vulnerabilityCount() {
        return vulnerabilityCount;
    }

    private int packageRow(int ordinal) {
        return sectionStart[SnapshotFormat.PACKAGES] + 4 + ordinal * SnapshotFormat.PACKAGE_ROW;
    }

    /** The package of a hash slot's value (ordinal + 1), checked against the package table. */
    int checkedPackage(int ordinalPlusOne) {
        if (ordinalPlusOne < 1 || ordinalPlusOne > packageCount) {
            throw new IndexOutOfBoundsException("package " + (ordinalPlusOne - 1) + " of " + packageCount);
        }
        return ordinalPlusOne - 1;
    }

    int packageEcosystem(int ordinal) {
        return bytes.getInt(packageRow(ordinal));
    }

    int packageName(int ordinal) {
        return bytes.getInt(packageRow(ordinal) + 4);
    }

    int packageEntriesOffset(int ordinal) {
        return bytes.getInt(packageRow(ordinal) + 8);
    }

    int packageEntryCount(int ordinal) {
        return bytes.getInt(packageRow(ordinal) + 12);
    }

    int packageSlots() {
        return packageSlots;
    }

    private int slot(int section, int slot) {
        return sectionStart[section] + 4 + slot * SnapshotFormat.HASH_SLOT;
    }

    /** The package ordinal + 1 in a slot of the package hash, 0 for an empty slot. */
    int packageSlotOrdinal(int slot) {
        return bytes.getInt(slot(SnapshotFormat.PACKAGE_HASH, slot));
    }

    int packageSlotHash(int slot) {
        return bytes.getInt(slot(SnapshotFormat.PACKAGE_HASH, slot) + 4);
    }

    int idSlots() {
        return idSlots;
    }

    /** The id's string index + 1 in a slot of the id hash, 0 for an empty slot. */
    int idSlotString(int slot) {
        return bytes.getInt(slot(SnapshotFormat.ID_HASH, slot));
    }

    int idSlotVulnerability(int slot) {
        return bytes.getInt(slot(SnapshotFormat.ID_HASH, slot) + 4);
    }

    int vulnerabilityOffset(int index) {
        return bytes.getInt(sectionStart[SnapshotFormat.VULNERABILITIES] + 4 + 4 * index);
    }

    int cpeProductCount() {
        return cpeProductCount;
    }

    int cveRecordCount() {
        return cveRecordCount;
    }

    int cpeProductSlots() {
        return cpeProductSlots;
    }

    /** The product ordinal + 1 in a slot of the CPE product hash, 0 for an empty slot. */
    int cpeProductSlotOrdinal(int slot) {
        return bytes.getInt(slot(SnapshotFormat.CPE_PRODUCT_HASH, slot));
    }

    int cpeProductSlotHash(int slot) {
        return bytes.getInt(slot(SnapshotFormat.CPE_PRODUCT_HASH, slot) + 4);
    }

    /** The CPE product of a hash slot's value (ordinal + 1), checked against the product table. */
    int checkedCpeProduct(int ordinalPlusOne) {
        if (ordinalPlusOne < 1 || ordinalPlusOne > cpeProductCount) {
            throw new IndexOutOfBoundsException("CPE product " + (ordinalPlusOne - 1) + " of " + cpeProductCount);
        }
        return ordinalPlusOne - 1;
    }

    private int cpeProductRow(int ordinal) {
        return sectionStart[SnapshotFormat.CPE_PRODUCTS] + 4 + ordinal * SnapshotFormat.CPE_PRODUCT_ROW;
    }

    int cpeProductKey(int ordinal) {
        return bytes.getInt(cpeProductRow(ordinal));
    }

    int cpeProductEntriesOffset(int ordinal) {
        return bytes.getInt(cpeProductRow(ordinal) + 4);
    }

    int cpeProductEntryCount(int ordinal) {
        return bytes.getInt(cpeProductRow(ordinal) + 8);
    }

    int cveRecordOffset(int index) {
        return bytes.getInt(sectionStart[SnapshotFormat.CVE_RECORDS] + 4 + 4 * index);
    }

    /** The vulnerability an id or alias (any case) belongs to, or -1. */
    int vulnerabilityOf(String id) {
        String key = id.strip().toUpperCase(Locale.ROOT);
        int mask = idSlots - 1;
        int slot = SnapshotFormat.idHash(key) & mask;
        for (int probes = 0; probes < idSlots; probes++) {
            int string = idSlotString(slot);
            if (string == 0) {
                return -1;
            }
            if (stringEquals(string - 1, key)) {
                int vulnerability = idSlotVulnerability(slot);
                if (!isVulnerability(vulnerability)) {
                    throw new IndexOutOfBoundsException("vulnerability " + vulnerability + " of " + vulnerabilityCount);
                }
                return vulnerability;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    InputException corrupt(String problem) {
        return error("corrupt snapshot: " + problem + "; rebuild it from its advisories");
    }

    private InputException error(String problem) {
        return new InputException(source, InputPosition.UNKNOWN, problem);
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "%08x", value);
    }
}
