package dev.tandem.snapshot;

/** One payload section as the encoder holds it until the file is assembled: its length and how to lay it out. */
sealed interface EncodedSection permits PayloadWriter, PackageEntries, StringTable.Section {

    int size();

    /** Writes the section's {@link #size()} bytes into {@code file} from {@code at}. */
    void copyTo(byte[] file, int at);
}
