package dev.tandem.conformity.profile;

import java.util.Optional;

/**
 * An e-mail address as RFC 5321 (section 4.1.2) defines a Mailbox: a dot-string or quoted local part,
 * then a domain of letter-digit-hyphen labels (any domain: no list of top-level domains is consulted,
 * so {@code psirt@vendor.example} and a single-label domain are valid) or an IPv4 or IPv6 address
 * literal. The length limits of section 4.5.3.1 apply (64 octets before the "@", 255 after, 254 in
 * all). Only ASCII is accepted: internationalised addresses (RFC 6531) are not. This is also what JSON
 * Schema's {@code email} format means, so the CTA-2120 registry schema is checked with it.
 */
public final class MailboxAddress {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxAddress() {
    }

    /** True when the text is exactly one RFC 5321 mailbox. */
    public static boolean isValid(String address) {
        return problem(address).isEmpty();
    }

    /** Why the text is not an RFC 5321 mailbox, or empty when it is one. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("it is empty");
        }
        int at;
        if (address.charAt(0) == '"') {
            at = quotedEnd(address);
            if (at < 0) {
                return Optional.of("the quoted local part is not closed or has a character RFC 5321 does not allow");
            }
            if (at >= address.length() || address.charAt(at) != '@') {
                return Optional.of("the quoted local part must be followed by '@'");
            }
        } else {
            at = address.indexOf('@');
            if (at < 0) {
                return Optional.of("there is no '@'");
            }
            Optional<String> local = dotString(address.substring(0, at));
            if (local.isPresent()) {
                return local;
            }
        }
        if (at > 64) {
            return Optional.of("the local part has " + at + " characters; RFC 5321 allows 64");
        }
        String domain = address.substring(at + 1);
        if (address.length() > 254) {
            return Optional.of("the address has " + address.length() + " characters; RFC 5321 allows 254");
        }
        return domain.startsWith("[") ? addressLiteral(domain) : domain(domain);
    }

    /** The index just after the closing quote of a quoted local part, or -1. */
    private static int quotedEnd(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) < 32 || text.charAt(i + 1) > 126) {
                    return -1;
                }
                i++;
            } else if (c < 32 || c > 126) {
                return -1;
            }
        }
        return -1;
    }

    private static Optional<String> dotString(String local) {
        if (local.isEmpty()) {
            return Optional.of("the local part before '@' is empty");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                return Optional.of("the local part has an empty atom (a leading, trailing or doubled '.')");
            }
            for (int i = 0; i < atom.length(); i++) {
                char c = atom.charAt(i);
                if (!isLetterOrDigit(c) && ATEXT_SPECIALS.indexOf(c) < 0) {
                    return Optional.of("the local part has '" + printable(c) + "', which needs quoting or is not allowed");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> domain(String domain) {
        if (domain.isEmpty()) {
            return Optional.of("the domain after '@' is empty");
        }
        if (domain.length() > 255) {
            return Optional.of("the domain has " + domain.length() + " characters; RFC 5321 allows 255");
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of("the domain has an empty label (a leading, trailing or doubled '.')");
            }
            if (label.length() > 63) {
                return Optional.of("a domain label has " + label.length() + " characters; at most 63 are allowed");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isLetterOrDigit(c) && c != '-') {
                    return Optional.of("the domain has '" + printable(c) + "'; labels are letters, digits and hyphens");
                }
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return Optional.of("a domain label starts or ends with '-'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> addressLiteral(String literal) {
        if (!literal.endsWith("]") || literal.length() < 3) {
            return Optional.of("the address literal is not closed with ']' or is empty");
        }
        String inner = literal.substring(1, literal.length() - 1);
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return ipv6(inner.substring(5)) ? Optional.empty() : Optional.of("'" + inner + "' is not an IPv6 address");
        }
        // A General-address-literal needs a tag registered with IANA; none but IPv6 is.
        return ipv4(inner) ? Optional.empty() : Optional.of("'" + inner + "' is not an IPv4 address literal");
    }

    private static boolean ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(MailboxAddress::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** IPv6-full, IPv6-comp, IPv6v4-full or IPv6v4-comp of RFC 5321 section 4.1.3. */
    private static boolean ipv6(String text) {
        int groups = 8;
        String hex = text;
        if (text.indexOf('.') >= 0) {
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0 || !ipv4(text.substring(lastColon + 1))) {
                return false;
            }
            hex = text.substring(0, lastColon + 1);
            hex = hex.endsWith("::") ? hex : hex.substring(0, hex.length() - 1);
            groups = 6;
        }
        int compressed = hex.indexOf("::");
        if (compressed < 0) {
            return hexGroups(hex) == groups;
        }
        if (hex.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String left = hex.substring(0, compressed);
        String right = hex.substring(compressed + 2);
        int l = left.isEmpty() ? 0 : hexGroups(left);
        int r = right.isEmpty() ? 0 : hexGroups(right);
        return l >= 0 && r >= 0 && l + r <= groups - 2;
    }

    /** The number of colon-separated groups of one to four hex digits, or -1 when one is malformed. */
    private static int hexGroups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return -1;
            }
        }
        return parts.length;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 32 || c > 126 ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
