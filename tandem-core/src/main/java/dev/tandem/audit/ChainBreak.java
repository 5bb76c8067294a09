package dev.tandem.audit;

/**
 * Where an audit chain stops being intact: the first entry that fails, and why.
 *
 * @param seq    the entry's sequence number (the expected one when an entry is missing)
 * @param reason what is wrong, in words a reviewer acts on
 */
public record ChainBreak(long seq, String reason) {
}
