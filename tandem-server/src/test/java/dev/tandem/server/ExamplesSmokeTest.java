package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExamplesSmokeTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("smoke", true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void examplesArePopulated() {
        var products = server.get("/api/v1/products", server.adminKey());
        System.out.println(products.text());
        assertThat(products.status()).isEqualTo(200);
        var findings = server.get("/api/v1/products/sc200-camera/findings?release=2.4.1", server.adminKey());
        System.out.println(findings.text().substring(0, Math.min(3000, findings.text().length())));
        JsonNode first = findings.json().get("items").get(0);
        assertThat(first.get("knownExploited").asBoolean()).isTrue();
    }
}
