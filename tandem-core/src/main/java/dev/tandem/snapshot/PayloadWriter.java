package dev.tandem.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer with unsigned LEB128 varints, the encoder of every snapshot section. */
final class PayloadWriter implements EncodedSection {

    private byte[] bytes;
    private int size;

    PayloadWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public int size() {
        return size;
    }

    private void ensure(int extra) {
        if (extra > bytes.length - size) { // written so that a huge extra cannot overflow
            grow(extra);
        }
    }

    private void grow(int extra) {
        long needed = (long) size + extra;
        if (needed > SnapshotFormat.MAX_PAYLOAD) {
            throw new IllegalStateException("the snapshot would exceed " + SnapshotFormat.MAX_PAYLOAD + " bytes");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(SnapshotFormat.MAX_PAYLOAD, Math.max(needed, bytes.length * 2L)));
        }
    }

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void i32(int value) {
        ensure(4);
        i32At(size, value);
        size += 4;
    }

    void i64(long value) {
        i32((int) (value >>> 32));
        i32((int) value);
    }

    void f64(double value) {
        i64(Double.doubleToRawLongBits(value));
    }

    /** An unsigned varint (7 bits per byte, low groups first); {@code value} must not be negative. */
    void varint(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        ensure(5);
        byte[] b = bytes;
        int at = size;
        while ((value & ~0x7F) != 0) {
            b[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[at++] = (byte) value;
        size = at;
    }

    void varlong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varlong " + value);
        }
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    /** {@code text} as UTF-8, as {@link String#getBytes} gives it (its ASCII check and copy are intrinsics). */
    void utf8(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        bytes(encoded, 0, encoded.length);
    }

    /** Skips {@code length} bytes to be filled later with {@link #i32At}; answers where they start. */
    int reserve(int length) {
        ensure(length);
        int at = size;
        size += length;
        return at;
    }

    /** Overwrites four bytes already written (section offsets known only at the end). */
    void i32At(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public void copyTo(byte[] file, int at) {
        System.arraycopy(bytes, 0, file, at, size);
    }
}
