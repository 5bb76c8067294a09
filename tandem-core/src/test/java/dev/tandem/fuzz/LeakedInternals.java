package dev.tandem.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzz oracle for error messages: a message must not name a Java class or exception, but it may quote
 * the input, and fuzzed input can contain "org.acme." or "Exception" itself (a CI run once failed on a
 * purl echoed in a message). A suspicious word counts only if the input does not supply it.
 */
final class LeakedInternals {

    private static final Pattern SUSPICIOUS = Pattern.compile("\\b(?:java|javax|com|org|sun)\\.[a-z]+(?=\\.)|Exception");

    private LeakedInternals() {}

    /** The suspicious words of the message that the input does not contain, as read in UTF-8 or Latin-1. */
    static List<String> in(String message, byte[] input) {
        String utf8 = new String(input, StandardCharsets.UTF_8);
        String latin1 = new String(input, StandardCharsets.ISO_8859_1);
        List<String> leaked = new ArrayList<>();
        Matcher matcher = SUSPICIOUS.matcher(message);
        while (matcher.find()) {
            String word = matcher.group();
            if (!utf8.contains(word) && !latin1.contains(word)) {
                leaked.add(word);
            }
        }
        return leaked;
    }
}
