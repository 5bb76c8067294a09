package dev.tandem.server.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may point (docs/monitoring.md#webhook-addresses): not to this machine or the
 * networks behind it unless the operator allowed it ({@code serve --allow-private-webhooks}), so
 * that an organisation's admin cannot make the server call its own internal services (SSRF).
 * Checked when the URL is saved and again before every delivery, because a name may resolve to
 * another address by then.
 */
public final class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Whether loopback, link-local and private addresses are allowed. */
    public boolean allowPrivate() {
        return allowPrivate;
    }

    /** Why {@code url} may not be called, or empty when it may: every address its host resolves to is checked. */
    public Optional<String> refusal(URI url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String kind = kind(address);
            if (kind != null) {
                return Optional.of("the host " + host + " resolves to " + address.getHostAddress() + ", a " + kind
                        + " address; webhooks to such addresses need the operator's --allow-private-webhooks");
            }
        }
        return Optional.empty();
    }

    /** The kind of a non-public address, or null for a public one. */
    static String kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) {
                return "\"this network\"";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "shared (carrier-grade NAT)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "unique local (private)";
            }
            boolean mapped = true; // ::ffff:a.b.c.d, in case the JDK did not turn it into an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return kind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        return null;
    }
}
