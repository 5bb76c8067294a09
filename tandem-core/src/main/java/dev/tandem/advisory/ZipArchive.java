package dev.tandem.advisory;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip archive read in place, without {@code java.util.zip.ZipFile}: the central directory is read and
 * checked once, then any thread inflates entries through its own {@link Window} and {@link Inflater}
 * with positional reads, so threads never wait on one another and no per-entry stream is built.
 *
 * <p>The directory is checked before anything is inflated, with the messages of the former
 * {@code ZipDirectory}: the directory inside the file, no entry outside the archive's data, no two
 * entries sharing bytes, the entry limit. And more: the end record's count must match the records
 * found (modulo 65,536, as 16-bit counts wrap), and each entry's local header must carry the central
 * directory's name and method and keep its data before the next entry. Sizes in headers are never
 * trusted: inflated bytes are counted. Every entry read is checked against the central directory's
 * CRC-32, as Go's and Python's zip readers do: deflate carries no checksum of its own, so a damaged or
 * altered archive could otherwise inflate to other bytes without an error.
 */
final class ZipArchive implements AutoCloseable {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_HEADER = 30;
    static final int STORED = 0;
    static final int DEFLATED = 8;

    /** The most bytes one positional read brings in: entries are read in runs of about this much. */
    static final int WINDOW = 1 << 20;

    /** The most one deflated byte can inflate to (258 bytes per 2 bits), plus a margin for block headers. */
    private static final long MAX_RATIO = 1032;

    /**
     * One entry as the central directory describes it.
     *
     * @param index   its place in the central directory
     * @param crc     the CRC-32 of its content, as the central directory gives it
     * @param badName true when the name is not valid UTF-8 (shown with replacement characters)
     */
    record Entry(int index, String name, byte[] rawName, long offset, long compressedSize, long size, int method,
            int flags, long crc, boolean badName) {

        boolean isDirectory() {
            return name.endsWith("/");
        }

        boolean isEncrypted() {
            return (flags & 1) != 0;
        }

        /** The first byte after the entry's data, counting the smallest local header it can have. */
        long minimalEnd() {
            return offset + LOCAL_HEADER + rawName.length + compressedSize;
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final List<Entry> entries;
    /** For each entry (by index), where the next entry in the file, or the central directory, starts. */
    private final long[] limits;

    private ZipArchive(Path path, FileChannel channel, long fileSize, List<Entry> entries, long[] limits) {
        this.path = path;
        this.channel = channel;
        this.fileSize = fileSize;
        this.entries = entries;
        this.limits = limits;
    }

    /**
     * Opens {@code file} and reads its central directory.
     *
     * @throws InputException naming the archive: not a zip, a directory outside the file, more than
     *                        {@code maxEntries} entries, an entry outside the archive's data, overlapping
     *                        entries, a count that does not match the directory
     */
    static ZipArchive open(Path file, long maxEntries) throws InputException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            DirectoryReader reader = new DirectoryReader(file, channel, maxEntries);
            ZipArchive archive = reader.read();
            channel = null;
            return archive;
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the archive: " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Nothing was read from it.
                }
            }
        }
    }

    Path path() {
        return path;
    }

    /** The entries in central-directory order. */
    List<Entry> entries() {
        return entries;
    }

    /** Where the bytes that belong to {@code entry} end: the next entry's local header or the central directory. */
    long limit(Entry entry) {
        return limits[entry.index()];
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data.
        }
    }

    /**
     * Inflates one entry, at most {@code declaredCap} bytes (more is an error: the entry inflates beyond
     * its declared size or the limit).
     *
     * @param source  the entry as messages name it ({@code archive.zip!/entry})
     * @param capText the problem to report when the entry inflates past {@code declaredCap}
     */
    byte[] read(Entry entry, String source, long declaredCap, Supplier<String> capText, Window window, Inflater inflater)
            throws InputException {
        int length = read(entry, source, declaredCap, capText, window, inflater, false);
        return window.content.length == length ? window.content : Arrays.copyOf(window.content, length);
    }

    /**
     * As {@link #read(Entry, String, long, Supplier, Window, Inflater)}, into the window's reused array
     * ({@link Window#content()}): returns how many of its first bytes the entry took. The array is the
     * window's and the next read overwrites it: a bulk load inflated an array per entry (700 MB of short-lived
     * arrays over the 500k corpus, issue 20).
     */
    int readReused(Entry entry, String source, long declaredCap, Supplier<String> capText, Window window,
            Inflater inflater) throws InputException {
        return read(entry, source, declaredCap, capText, window, inflater, true);
    }

    private int read(Entry entry, String source, long declaredCap, Supplier<String> capText, Window window,
            Inflater inflater, boolean reuse) throws InputException {
        // One array holds an entry: whatever the limits allow, no more than Java can allocate.
        long cap = Math.min(declaredCap, Integer.MAX_VALUE - 16);
        if (entry.size() < 0) {
            throw error(source, "the entry declares an impossible size (" + entry.size() + " bytes); the entry was not read");
        }
        long limit = limits[entry.index()];
        int nameLength = entry.rawName().length;
        if (entry.offset() + LOCAL_HEADER + nameLength > limit) {
            throw error(source, "the entry's local header runs past the next entry; the entry was not read");
        }
        int at = window.load(this, entry.offset(), LOCAL_HEADER + nameLength, source);
        byte[] bytes = window.bytes;
        if (intAt(bytes, at) != LOCAL) {
            throw error(source, "no local header at offset " + entry.offset() + " (bad signature); the entry was not read");
        }
        int localMethod = shortAt(bytes, at + 8);
        int localNameLength = shortAt(bytes, at + 26);
        int localExtraLength = shortAt(bytes, at + 28);
        if (localNameLength != nameLength
                || !Arrays.equals(bytes, at + LOCAL_HEADER, at + LOCAL_HEADER + nameLength, entry.rawName(), 0, nameLength)) {
            throw error(source, "the local header names another entry than the central directory; the entry was not read");
        }
        if (localMethod != entry.method()) {
            throw error(source, "the local header's compression method (" + localMethod
                    + ") differs from the central directory's (" + entry.method() + "); the entry was not read");
        }
        long dataAt = entry.offset() + LOCAL_HEADER + nameLength + localExtraLength;
        if (dataAt + entry.compressedSize() > limit) {
            throw error(source, "the entry's data runs past the next entry or the central directory; the entry was not read");
        }
        long size = entry.size();
        if (entry.method() == STORED) {
            if (entry.compressedSize() != size) {
                throw error(source, "the stored entry's compressed size (" + entry.compressedSize()
                        + ") differs from its size (" + size + "); the entry was not read");
            }
            if (size > cap) {
                throw error(source, capText.get());
            }
            byte[] content = reuse && window.content.length >= size ? window.content : new byte[(int) size];
            long position = dataAt;
            int done = 0;
            while (done < size) {
                int n = (int) Math.min(size - done, WINDOW);
                int from = window.load(this, position, n, source);
                System.arraycopy(window.bytes, from, content, done, n);
                done += n;
                position += n;
            }
            window.content = content;
            return checked(entry, source, window, (int) size);
        }
        return checked(entry, source, window, inflate(entry, source, dataAt, cap, capText, window, inflater, reuse));
    }

    /** {@code length}, once the window's content matches the entry's CRC-32. */
    private static int checked(Entry entry, String source, Window window, int length) throws InputException {
        CRC32 crc = window.crc;
        crc.reset();
        crc.update(window.content, 0, length);
        if (crc.getValue() != entry.crc()) {
            throw error(source, String.format(Locale.ROOT, "the entry's content does not match its CRC-32 (%08x, the"
                    + " central directory says %08x): the archive is damaged or was altered; the entry was not read",
                    crc.getValue(), entry.crc()));
        }
        return length;
    }

    private int inflate(Entry entry, String source, long dataAt, long cap, Supplier<String> capText, Window window,
            Inflater inflater, boolean reuse) throws InputException {
        inflater.reset();
        long remaining = entry.compressedSize();
        long position = dataAt;
        // Start with what the entry declares, but never more than its compressed bytes can inflate to: a
        // forged size allocates nothing it does not fill. Grow (up to the cap) if the data holds more. A
        // reused array is filled up to the cap at most, whatever its size.
        long plausible = Math.min(entry.size(), remaining * MAX_RATIO + 1024);
        int wanted = (int) Math.min(plausible, cap);
        byte[] out = reuse && window.content.length >= wanted ? window.content : new byte[wanted];
        int room = (int) Math.min(out.length, cap);
        int length = 0;
        boolean dummyFed = false;
        byte[] probe = null;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (remaining > 0) {
                        int n = (int) Math.min(remaining, WINDOW);
                        int from = window.load(this, position, n, source);
                        inflater.setInput(window.bytes, from, n);
                        remaining -= n;
                        position += n;
                    } else if (!dummyFed) {
                        // zlib may need one byte past a raw deflate stream to see its end (ZipFile feeds it too).
                        dummyFed = true;
                        inflater.setInput(new byte[1], 0, 1);
                    } else {
                        throw error(source, "cannot read the entry: the compressed data ends before the entry does");
                    }
                }
                int produced;
                if (length < room) {
                    produced = inflater.inflate(out, length, room - length);
                    length += produced;
                } else if (length < cap) {
                    out = Arrays.copyOf(out, (int) Math.min(cap, Math.max(8192L, (long) length * 2)));
                    room = out.length;
                    continue;
                } else {
                    // Full to the cap: one more byte means the entry inflates past it.
                    if (probe == null) {
                        probe = new byte[1];
                    }
                    produced = inflater.inflate(probe, 0, 1);
                    if (produced > 0) {
                        throw error(source, capText.get());
                    }
                }
                if (produced == 0 && !inflater.finished() && !inflater.needsInput()) {
                    // Room for output and input left, yet nothing came out: zlib cannot go on.
                    throw error(source, "cannot read the entry: " + (inflater.needsDictionary()
                            ? "the compressed data needs a preset dictionary" : "the compressed data is corrupt"));
                }
            }
        } catch (DataFormatException e) {
            throw error(source, "cannot read the entry: " + (e.getMessage() == null ? "the compressed data is corrupt"
                    : e.getMessage()));
        }
        window.content = out;
        return length;
    }

    /** Reads {@code length} bytes at {@code position} into {@code into}; false when the file ends first. */
    boolean readFully(long position, byte[] into, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return false;
            }
        }
        return true;
    }

    long fileSize() {
        return fileSize;
    }

    private static InputException error(String source, String problem) {
        return new InputException(source, InputPosition.UNKNOWN, problem);
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static int shortAt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /**
     * A thread's view of part of an archive: one positional read brings in up to {@link #WINDOW}
     * bytes, and the entries that lie in them are read from memory. Not shared between threads.
     */
    static final class Window {
        private int capacity = LOCAL_HEADER + 0xFFFF;
        private byte[] bytes = new byte[0];
        /** The last entry read into this window's reused array (its first bytes, as many as the read returned). */
        private byte[] content = new byte[0];
        /** Checks each entry read (an intrinsic: a few hundredths of a second per gigabyte). */
        private final CRC32 crc = new CRC32();
        private ZipArchive archive;
        private long start;
        private int length;

        /** The array the last {@link ZipArchive#readReused} read into. */
        byte[] content() {
            return content;
        }

        /**
         * How far the next read reaches: the span of the run of entries about to be read (a local
         * header and its name at least), so one read brings the whole run in.
         */
        void reach(int bytes) {
            capacity = Math.max(bytes, LOCAL_HEADER + 0xFFFF);
        }

        /** Makes {@code [position, position + count)} of the archive available; returns its index in {@link #bytes}. */
        int load(ZipArchive from, long position, int count, String source) throws InputException {
            if (from == archive && position >= start && position + count <= start + length) {
                return (int) (position - start);
            }
            if (position + count > from.fileSize) {
                throw error(source, "the archive is truncated: the entry's bytes lie past its end");
            }
            int want = (int) Math.min(Math.max(count, capacity), from.fileSize - position);
            if (bytes.length < want) {
                bytes = new byte[want];
            }
            archive = null;
            try {
                if (!from.readFully(position, bytes, want)) {
                    throw error(source, "the archive is truncated (did it change while it was read?)");
                }
            } catch (IOException e) {
                throw error(source, "cannot read the entry: " + e.getMessage());
            }
            archive = from;
            start = position;
            length = want;
            return 0;
        }
    }

    /** One pass over one archive's central directory. */
    private static final class DirectoryReader {
        private final Path file;
        private final FileChannel channel;
        private final long maxEntries;
        private final long size;

        DirectoryReader(Path file, FileChannel channel, long maxEntries) throws IOException {
            this.file = file;
            this.channel = channel;
            this.maxEntries = maxEntries;
            this.size = channel.size();
        }

        ZipArchive read() throws IOException, InputException {
            int tailLength = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer tail = read(size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw error("not a zip archive: no end of central directory record");
            }
            long eocdAt = size - tailLength + eocd;
            long count = tail.getShort(eocd + 10) & 0xFFFFL;
            long directorySize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
            long directoryAt = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
            long directoryEnd = eocdAt;
            boolean zip64 = false;
            if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryAt == 0xFFFFFFFFL) {
                if (eocdAt < 20) {
                    throw error("the ZIP64 end of central directory locator is missing");
                }
                ByteBuffer locator = read(eocdAt - 20, 20);
                if (locator.getInt(0) != ZIP64_LOCATOR) {
                    throw error("the ZIP64 end of central directory locator is missing");
                }
                long zip64At = locator.getLong(8);
                if (zip64At < 0 || zip64At + 56 > eocdAt - 20) {
                    throw error("the ZIP64 end of central directory record lies outside the file");
                }
                ByteBuffer record = read(zip64At, 56);
                if (record.getInt(0) != ZIP64_EOCD) {
                    throw error("the ZIP64 end of central directory record is malformed");
                }
                count = record.getLong(32);
                directorySize = record.getLong(40);
                directoryAt = record.getLong(48);
                directoryEnd = zip64At;
                zip64 = true;
            }
            if (count < 0 || count > maxEntries) {
                throw error("the archive has more than " + maxEntries + " entries (limit); it was not read");
            }
            if (directoryAt < 0 || directorySize < 0 || directoryAt + directorySize > directoryEnd
                    || directorySize > Integer.MAX_VALUE - 16 || count * 46 > directorySize) {
                throw error("the central directory lies outside the file (it says " + count + " entries, " + directorySize
                        + " bytes at offset " + directoryAt + ", in a file of " + size + " bytes)");
            }
            ByteBuffer directory = read(directoryAt, (int) directorySize);
            List<Entry> entries = new ArrayList<>((int) count);
            int at = 0;
            for (long i = 0; i < count; i++) {
                if (at + 46 > directorySize || directory.getInt(at) != CENTRAL) {
                    throw error("the central directory is malformed at entry " + (i + 1));
                }
                at = entry(directory, at, (int) directorySize, entries, directoryAt);
            }
            // More records than the end record counts: a 16-bit count that wrapped (an archiver
            // without ZIP64) is read; any other mismatch is a directory that lies about itself.
            while (at + 46 <= directorySize && directory.getInt(at) == CENTRAL) {
                if (entries.size() >= maxEntries) {
                    throw error("the archive has more than " + maxEntries + " entries (limit); it was not read");
                }
                at = entry(directory, at, (int) directorySize, entries, directoryAt);
            }
            if (entries.size() != count && (zip64 || (entries.size() - count) % 0x10000 != 0)) {
                throw error("the end of central directory record counts " + count + " entries, the central directory holds "
                        + entries.size() + "; it was not read");
            }
            return new ZipArchive(file, channel, size, List.copyOf(entries), limits(entries, directoryAt));
        }

        /** Reads the record at {@code at} into {@code entries}; returns where the next one starts. */
        private int entry(ByteBuffer directory, int at, int directorySize, List<Entry> entries, long directoryAt)
                throws InputException {
            int flags = directory.getShort(at + 8) & 0xFFFF;
            int method = directory.getShort(at + 10) & 0xFFFF;
            long crc = directory.getInt(at + 16) & 0xFFFFFFFFL;
            long compressed = directory.getInt(at + 20) & 0xFFFFFFFFL;
            long uncompressed = directory.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            int commentLength = directory.getShort(at + 32) & 0xFFFF;
            long offset = directory.getInt(at + 42) & 0xFFFFFFFFL;
            if (at + 46L + nameLength + extraLength > directorySize) {
                throw error("the central directory is malformed (an entry runs past its end)");
            }
            byte[] rawName = new byte[nameLength];
            directory.get(at + 46, rawName);
            boolean badName = false;
            String name;
            if (isAscii(rawName)) {
                name = new String(rawName, StandardCharsets.ISO_8859_1);
            } else {
                try {
                    name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(rawName)).toString();
                } catch (CharacterCodingException e) {
                    name = new String(rawName, StandardCharsets.UTF_8);
                    badName = true;
                }
            }
            // ZIP64 extra field: the values that are 0xFFFFFFFF in the record follow, in this order.
            int extra = at + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = directory.getShort(extra) & 0xFFFF;
                int length = directory.getShort(extra + 2) & 0xFFFF;
                int value = extra + 4;
                int valueEnd = Math.min(extraEnd, value + length);
                if (id == 0x0001) {
                    if (uncompressed == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                        uncompressed = directory.getLong(value);
                        value += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                        compressed = directory.getLong(value);
                        value += 8;
                    }
                    if (offset == 0xFFFFFFFFL && value + 8 <= valueEnd) {
                        offset = directory.getLong(value);
                    }
                }
                extra += 4 + length;
            }
            Entry entry = new Entry(entries.size(), name, rawName, offset, compressed, uncompressed, method, flags, crc,
                    badName);
            if (entry.offset() < 0 || entry.compressedSize() < 0 || entry.minimalEnd() > directoryAt
                    || entry.minimalEnd() < 0) {
                throw error("entry " + shorten(entry.name()) + " points outside the archive's data");
            }
            entries.add(entry);
            return at + 46 + nameLength + extraLength + commentLength;
        }

        /** Each entry's limit (the next entry's offset, or the directory's); refuses entries that share bytes. */
        private long[] limits(List<Entry> entries, long directoryAt) throws InputException {
            int n = entries.size();
            long[] limits = new long[n];
            boolean ascending = true;
            for (int i = 1; i < n && ascending; i++) {
                ascending = entries.get(i).offset() > entries.get(i - 1).offset();
            }
            List<Entry> byOffset = entries;
            if (!ascending) {
                byOffset = new ArrayList<>(entries);
                byOffset.sort(Comparator.comparingLong(Entry::offset));
            }
            for (int i = 0; i < n; i++) {
                Entry entry = byOffset.get(i);
                if (i + 1 < n) {
                    Entry next = byOffset.get(i + 1);
                    if (next.offset() < entry.minimalEnd()) {
                        throw error("entries " + shorten(entry.name()) + " and " + shorten(next.name())
                                + " overlap (they share compressed data, as zip bombs do); it was not read");
                    }
                    limits[entry.index()] = next.offset();
                } else {
                    limits[entry.index()] = directoryAt;
                }
            }
            return limits;
        }

        private static boolean isAscii(byte[] bytes) {
            for (byte b : bytes) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }

        private ByteBuffer read(long position, int length) throws IOException, InputException {
            if (position < 0 || position + length > size) {
                throw error("the archive is truncated");
            }
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw error("the archive is truncated");
                }
            }
            return buffer.flip();
        }

        private InputException error(String problem) {
            return new InputException(file, InputPosition.UNKNOWN, problem);
        }

        private static String shorten(String name) {
            return name.length() > 80 ? name.substring(0, 80) + "..." : name;
        }
    }
}
