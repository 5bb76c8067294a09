package dev.tandem.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rich text as a list of {@link Inline} runs, built fluently: {@code Text.of("Due ").strong("today")}. */
public final class Text {

    private final List<Inline> parts = new ArrayList<>();

    private Text() {
    }

    /** Empty text, to append to. */
    public static Text empty() {
        return new Text();
    }

    /** Plain text; null reads as empty. */
    public static Text of(String plain) {
        return new Text().plain(plain);
    }

    /** A badge alone. */
    public static Text ofBadge(Tone tone, String text) {
        return new Text().add(new Inline.Badge(tone, text));
    }

    /** A code run alone. */
    public static Text ofCode(String code) {
        return new Text().code(code);
    }

    /** An item's id alone, kept whole on one line. */
    public static Text ofId(String id) {
        return new Text().add(new Inline.Id(id));
    }

    public Text plain(String text) {
        return text == null || text.isEmpty() ? this : add(new Inline.Plain(text));
    }

    public Text strong(String text) {
        return text == null || text.isEmpty() ? this : add(new Inline.Strong(text));
    }

    public Text muted(String text) {
        return text == null || text.isEmpty() ? this : add(new Inline.Muted(text));
    }

    public Text code(String text) {
        return text == null || text.isEmpty() ? this : add(new Inline.Code(text, false));
    }

    /** A hash or another long token that may break at any character. */
    public Text hash(String text) {
        return text == null || text.isEmpty() ? this : add(new Inline.Code(text, true));
    }

    public Text badge(Tone tone, String words) {
        return add(new Inline.Badge(tone, words));
    }

    public Text lineBreak() {
        return parts.isEmpty() ? this : add(new Inline.Break());
    }

    /** A link when {@code href} is an http(s) or mailto address; the words alone otherwise (nothing else is ever linked). */
    public Text link(String text, String href) {
        if (href == null || !safe(href)) {
            return plain(text);
        }
        return add(new Inline.Link(text == null || text.isEmpty() ? href : text, href));
    }

    /**
     * Plain text whose web addresses (http, https) and e-mail addresses become links, the words around them
     * staying plain: an address is then marked as one, and the stylesheet may break it anywhere. Where a web
     * address ends is decided as GitHub's autolinker decides it: trailing punctuation is not part of it, nor
     * is a closing parenthesis or bracket that closes text around it ({@code (see https://x.y/z)}), while one
     * that closes an opening inside it is ({@code https://en.wikipedia.org/wiki/Foo_(bar)}).
     */
    public Text plainWithLinks(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        Matcher address = ADDRESS.matcher(text);
        int from = 0;
        while (address.find()) {
            int end = address.end();
            if (address.group(1) != null) {
                end = webAddressEnd(text, address.start(), end);
                if (end <= address.start() + address.group(1).length()) {
                    continue; // a scheme alone, or followed by punctuation only: words
                }
            }
            plain(text.substring(from, address.start()));
            String found = text.substring(address.start(), end);
            link(found, found.contains("://") ? found : "mailto:" + found);
            from = end;
        }
        return plain(text.substring(from));
    }

    /**
     * A web address as far as it can run (up to white space, {@code <}, {@code >} or a double quote), or an
     * e-mail address with a dotted domain; where the web address really ends is {@link #webAddressEnd}'s.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b(https?://)[^\\s<>\"]*|\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b");

    /** Trailing characters that end a sentence or a quotation, never a web address (GitHub's list, and ;). */
    private static final String TRAILING = "?!.,:;*_~'\"";

    /**
     * The end of the web address in {@code text} from {@code start} to at most {@code end}: trailing
     * punctuation dropped, then a trailing {@code )} or {@code ]} dropped while the address holds more of
     * them than of their openings, again and again ({@code (https://x.y/a_(b)).} ends after {@code (b)}).
     */
    private static int webAddressEnd(String text, int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (TRAILING.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' || last == ']') {
                char open = last == ')' ? '(' : '[';
                int opening = 0;
                int closing = 0;
                for (int i = start; i < end; i++) {
                    char c = text.charAt(i);
                    opening += c == open ? 1 : 0;
                    closing += c == last ? 1 : 0;
                }
                if (closing <= opening) {
                    break;
                }
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Appends every part of {@code other}. */
    public Text append(Text other) {
        if (other != null) {
            parts.addAll(other.parts);
        }
        return this;
    }

    public Text add(Inline part) {
        parts.add(part);
        return this;
    }

    /** The runs, in order. */
    public List<Inline> parts() {
        return List.copyOf(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The words without markup, for titles and tests. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Inline part : parts) {
            out.append(switch (part) {
                case Inline.Plain p -> p.text();
                case Inline.Strong s -> s.text();
                case Inline.Muted m -> m.text();
                case Inline.Code c -> c.text();
                case Inline.Id i -> i.text();
                case Inline.Link l -> l.text();
                case Inline.Badge b -> b.text();
                case Inline.Mark m -> m.glyph();
                case Inline.Break ignored -> "\n";
            });
        }
        return out.toString();
    }

    private static boolean safe(String href) {
        String lower = href.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    @Override
    public String toString() {
        return plainText();
    }
}
