package dev.tandem.snapshot;

import java.util.Arrays;

/** A growable big-endian byte buffer with unsigned LEB128 varints, the encoder of every snapshot section. */
final class PayloadWriter {

    private byte[] bytes;
    private int size;

    PayloadWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    private void ensure(int extra) {
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
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
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
        while ((value & ~0x7F) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
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

    void append(PayloadWriter other) {
        bytes(other.bytes, 0, other.size);
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
}
