package dev.tandem.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Webhook addresses: loopback, link-local, private and reserved ones are refused unless allowed; names are resolved. */
class WebhookTargetsTest {

    private final WebhookTargets refusing = new WebhookTargets(false);

    @Test
    void everyNonPublicAddressClassIsRefused() throws Exception {
        String[][] cases = {
                {"127.0.0.1", "loopback"}, {"127.8.9.10", "loopback"}, {"::1", "loopback"},
                {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},
                {"10.1.2.3", "private"}, {"172.16.0.1", "private"}, {"172.31.255.254", "private"}, {"192.168.1.1", "private"},
                {"fd00::1", "unique local (private)"}, {"fc12:3456::1", "unique local (private)"},
                {"0.0.0.0", "wildcard"}, {"::", "wildcard"}, {"100.64.0.1", "shared (carrier-grade NAT)"},
                {"224.0.0.1", "multicast"}, {"240.0.0.1", "reserved"}, {"198.18.0.1", "benchmarking"},
                {"::ffff:127.0.0.1", "loopback"}, {"::ffff:10.0.0.1", "private"}};
        for (String[] c : cases) {
            assertThat(WebhookTargets.kind(InetAddress.getByName(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
        for (String publicAddress : new String[] {"93.184.215.14", "172.32.0.1", "100.128.0.1", "2001:db8::1", "8.8.8.8"}) {
            assertThat(WebhookTargets.kind(InetAddress.getByName(publicAddress))).as(publicAddress).isNull();
        }
    }

    @Test
    void urlsAreJudgedByWhatTheirHostResolvesTo() {
        assertThat(refusing.refusal(URI.create("http://127.0.0.1:8080/hook"))).get().asString()
                .contains("127.0.0.1, a loopback address").contains("--allow-private-webhooks");
        assertThat(refusing.refusal(URI.create("http://localhost/hook"))).as("a name resolving to loopback").get()
                .asString().contains("loopback");
        assertThat(refusing.refusal(URI.create("http://[::1]/hook"))).get().asString().contains("loopback");
        assertThat(refusing.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).get().asString()
                .contains("link-local");
        assertThat(refusing.refusal(URI.create("https://203.0.113.7/hook"))).as("a public address literal").isEmpty();
        assertThat(new WebhookTargets(true).refusal(URI.create("http://127.0.0.1/hook"))).as("allowed by the operator")
                .isEmpty();
    }
}
