package dev.tandem.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a zip archive's central directory before anything is inflated (issue 21): the directory
 * must lie inside the file, every entry's data must lie between the start of the file and the
 * directory, and no two entries may share bytes. Overlapping entries are how the strongest zip bombs
 * work (many directory entries pointing into one compressed stream pass every per-entry check); no
 * honest archiver writes them. ZIP64 archives (more than 65,535 entries, as osv.dev's exports) are read.
 */
public final class ZipDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL_HEADER = 30;

    /** One entry as the central directory describes it. */
    public record Entry(String name, long offset, long compressedSize, long size, int nameLength) {

        /** The first byte after the entry's data, counting the smallest local header it can have. */
        long end() {
            return offset + LOCAL_HEADER + nameLength + compressedSize;
        }
    }

    private ZipDirectory() {
    }

    /**
     * Reads and checks the central directory of {@code file}.
     *
     * @throws InputException naming the archive: no central directory, one outside the file, more than
     *                        {@code maxEntries} entries, an entry whose data lies outside the archive's
     *                        data, or two entries that overlap
     */
    public static List<Entry> check(Path file, long maxEntries) throws InputException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(file, channel, maxEntries).entries();
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    /** One pass over one archive. */
    private static final class Reader {
        private final Path file;
        private final FileChannel channel;
        private final long maxEntries;
        private final long size;

        Reader(Path file, FileChannel channel, long maxEntries) throws IOException {
            this.file = file;
            this.channel = channel;
            this.maxEntries = maxEntries;
            this.size = channel.size();
        }

        List<Entry> entries() throws IOException, InputException {
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
                ByteBuffer zip64 = read(zip64At, 56);
                if (zip64.getInt(0) != ZIP64_EOCD) {
                    throw error("the ZIP64 end of central directory record is malformed");
                }
                count = zip64.getLong(32);
                directorySize = zip64.getLong(40);
                directoryAt = zip64.getLong(48);
                directoryEnd = zip64At;
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
                Entry entry = entry(directory, at, (int) directorySize);
                if (entry.offset() < 0 || entry.compressedSize() < 0 || entry.end() > directoryAt) {
                    throw error("entry " + shorten(entry.name()) + " points outside the archive's data");
                }
                entries.add(entry);
                at += 46 + (directory.getShort(at + 28) & 0xFFFF) + (directory.getShort(at + 30) & 0xFFFF)
                        + (directory.getShort(at + 32) & 0xFFFF);
            }
            List<Entry> byOffset = new ArrayList<>(entries);
            byOffset.sort(Comparator.comparingLong(Entry::offset));
            for (int i = 1; i < byOffset.size(); i++) {
                Entry previous = byOffset.get(i - 1);
                Entry next = byOffset.get(i);
                if (next.offset() < previous.end()) {
                    throw error("entries " + shorten(previous.name()) + " and " + shorten(next.name())
                            + " overlap (they share compressed data, as zip bombs do); it was not read");
                }
            }
            return entries;
        }

        private Entry entry(ByteBuffer directory, int at, int directorySize) throws InputException {
            long compressed = directory.getInt(at + 20) & 0xFFFFFFFFL;
            long uncompressed = directory.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            long offset = directory.getInt(at + 42) & 0xFFFFFFFFL;
            if (at + 46L + nameLength + extraLength > directorySize) {
                throw error("the central directory is malformed (an entry runs past its end)");
            }
            byte[] nameBytes = new byte[nameLength];
            directory.get(at + 46, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            // ZIP64 extra field: the values that are 0xFFFFFFFF in the record follow, in this order.
            int extra = at + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = directory.getShort(extra) & 0xFFFF;
                int length = directory.getShort(extra + 2) & 0xFFFF;
                int value = extra + 4;
                if (id == 0x0001) {
                    if (uncompressed == 0xFFFFFFFFL && value + 8 <= extraEnd) {
                        uncompressed = directory.getLong(value);
                        value += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && value + 8 <= extraEnd) {
                        compressed = directory.getLong(value);
                        value += 8;
                    }
                    if (offset == 0xFFFFFFFFL && value + 8 <= extraEnd) {
                        offset = directory.getLong(value);
                    }
                }
                extra += 4 + length;
            }
            return new Entry(name, offset, compressed, uncompressed, nameLength);
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
