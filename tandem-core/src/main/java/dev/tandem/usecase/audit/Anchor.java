package dev.tandem.usecase.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A hash recorded earlier (say, in a ticket or a signed e-mail): entry {@code seq} of the chain must
 * still have {@code hash}. A chain rewritten from some entry on with every hash recomputed is
 * intact by itself; an anchor at or after the rewrite catches it.
 *
 * @param organisation the organisation whose chain it pins; empty for the only or every chain checked
 */
public record Anchor(String organisation, long seq, String hash) {

    private static final Pattern FORM = Pattern.compile("(?:(.+)/)?([0-9]+):([0-9a-fA-F]{64})");

    public Anchor {
        organisation = organisation == null ? "" : organisation;
        Objects.requireNonNull(hash, "hash");
        hash = hash.toLowerCase(Locale.ROOT);
        if (seq < 1) {
            throw new IllegalArgumentException("an anchor names an entry from 1 on, not " + seq);
        }
    }

    /** Reads {@code SEQ:HASH} or {@code ORGANISATION/SEQ:HASH}. */
    public static Anchor parse(String text) {
        var matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an anchor (SEQ:HASH or ORGANISATION/SEQ:HASH, the hash in 64 hex digits): "
                    + text);
        }
        return new Anchor(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3));
    }
}
