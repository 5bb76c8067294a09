package dev.tandem.cli.pqc;

/** Output formats of {@code tandem pqc}. */
public enum PqcFormat {
    TABLE, JSON, MD, HTML
}
