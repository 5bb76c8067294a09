package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.conformity.profile.MailboxAddress;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * E-mail contacts follow RFC 5321, section 4.1.2: {@code Mailbox = Local-part "@" ( Domain /
 * address-literal )}, {@code Domain = sub-domain *("." sub-domain)}, {@code sub-domain = Let-dig
 * [Ldh-str]}: any domain, with no list of top-level domains. Section 4.5.3.1.1: "The maximum total length
 * of a user name or other local-part is 64 octets."
 */
class MailboxAddressTest {

    /** The JSON Schema Test Suite's vectors for the "email" format (an RFC 5321 Mailbox), ported as data. */
    @Test
    void theJsonSchemaTestSuiteVectorsPass() throws Exception {
        JsonNode suite;
        try (InputStream in = getClass().getResourceAsStream("/mailbox/email.json")) {
            suite = new ObjectMapper().readTree(in);
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode test : suite.get(0).get("tests")) {
            if (!test.get("data").isTextual()) {
                continue; // about the JSON Schema keyword, not the address grammar
            }
            boolean valid = MailboxAddress.isValid(test.get("data").asText());
            checked++;
            if (valid != test.get("valid").asBoolean()) {
                failures.add(test.get("description").asText() + " (" + test.get("data").asText() + ")");
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(failures).isEmpty();
    }

    @Test
    void anyDomainIsAccepted() {
        // RFC 2606 reserves .example for documentation; newer generic TLDs are not in older validators' lists.
        assertThat(MailboxAddress.isValid("psirt@lumen-devices.example")).isTrue();
        assertThat(MailboxAddress.isValid("security@vendor.security")).isTrue();
        assertThat(MailboxAddress.isValid("psirt@xn--bcher-kva.example")).isTrue();
        assertThat(MailboxAddress.isValid("psirt@localhost")).isTrue();
        assertThat(MailboxAddress.isValid("a@[IPv6:2001:db8::1]")).isTrue();
        assertThat(MailboxAddress.isValid("a@[IPv6:::ffff:192.0.2.1]")).isTrue();
        assertThat(MailboxAddress.isValid("a@[IPv6:1:2:3:4:5:6:7:8:9]")).isFalse();
    }

    @Test
    void lengthLimitsOfSection4531Apply() {
        assertThat(MailboxAddress.isValid("a".repeat(64) + "@example.org")).isTrue();
        assertThat(MailboxAddress.problem("a".repeat(65) + "@example.org")).get().asString().contains("64");
        assertThat(MailboxAddress.problem("a@" + "b".repeat(64) + ".org")).get().asString().contains("63");
    }

    @Test
    void theProfileRefusesABadAddressWithItsPositionAndAcceptsAnyDomain() throws Exception {
        var ok = ProductProfileReader.read("p.yaml", """
                product: X
                manufacturer: {name: M, email: compliance@maker.example}
                cvd: {contact: psirt@maker.example, policyUrl: https://maker.example/cvd}
                us: {securityContact: psirt@maker.example}
                """, false);
        assertThat(ok.manufacturer().email()).isEqualTo("compliance@maker.example");
        assertThat(ok.us().securityContact()).isEqualTo("psirt@maker.example");
        Assertions.assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                        "product: X\nmanufacturer: {name: M, email: \"compliance at maker.example\"}\n", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.yaml").hasMessageContaining("/manufacturer/email").hasMessageContaining("RFC 5321");
        Assertions.assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                        "product: X\nmanufacturer: M\nus: {securityContact: \"psirt@@maker.example\"}\n", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/us/securityContact").hasMessageContaining("neither a URL");
    }
}
