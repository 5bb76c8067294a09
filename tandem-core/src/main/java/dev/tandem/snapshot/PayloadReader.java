package dev.tandem.snapshot;

/**
 * A bounds-checked cursor over a snapshot payload. Reads past the end of a section or a malformed
 * varint throw {@link IndexOutOfBoundsException}, which the snapshot turns into a corruption error.
 */
final class PayloadReader {

    private final java.nio.ByteBuffer bytes;
    private final int end;
    private int position;

    PayloadReader(java.nio.ByteBuffer bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    int position() {
        return position;
    }

    private void need(int count) {
        if (position + count > end || position + count < position) {
            throw new IndexOutOfBoundsException("read of " + count + " bytes at " + position + " past the section end " + end);
        }
    }

    int u8() {
        need(1);
        return bytes.get(position++) & 0xFF;
    }

    int i32() {
        need(4);
        int value = bytes.getInt(position);
        position += 4;
        return value;
    }

    long i64() {
        long high = i32() & 0xFFFFFFFFL;
        long low = i32() & 0xFFFFFFFFL;
        return (high << 32) | low;
    }

    double f64() {
        return Double.longBitsToDouble(i64());
    }

    int varint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IndexOutOfBoundsException("varint out of range at " + position);
                }
                return value;
            }
        }
        throw new IndexOutOfBoundsException("varint too long at " + position);
    }

    long varlong() {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IndexOutOfBoundsException("varlong out of range at " + position);
                }
                return value;
            }
        }
        throw new IndexOutOfBoundsException("varlong too long at " + position);
    }

    /**
     * Checks a count read elsewhere (a table row) against the bytes left, before anything is allocated
     * for it: {@code count} items of at least {@code minBytes} each must fit in the rest of the section.
     */
    int fits(int count, int minBytes) {
        if (count < 0 || (long) count * minBytes > end - position) {
            throw new IndexOutOfBoundsException("count " + count + " of items of at least " + minBytes
                    + " bytes exceeds the " + (end - position) + " bytes left at " + position);
        }
        return count;
    }

    /** A count of items that each take at least one byte: bounded by what is left, so a corrupt count cannot allocate gigabytes. */
    int count() {
        int count = varint();
        if (count > end - position) {
            throw new IndexOutOfBoundsException("count " + count + " exceeds the " + (end - position) + " bytes left at " + position);
        }
        return count;
    }
}
