package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A little fuzzing: hostile and random bodies, paths and parameters on every endpoint get a result
 * or a 4xx problem, never a 500 and never a stack trace (fixed seed, bounded count).
 */
class FuzzTest {

    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start("fuzz", true);
        admin = server.adminKey();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<byte[]> bodies(Random random) {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", "{", "[]", "null", "42", "\"x\"", "{\"a\":1,\"a\":2}", "{\"name\": 1}",
                "{\"state\": null}", "{\"name\": \"" + "x".repeat(300) + "\"}", "[".repeat(10_000) + "]".repeat(10_000),
                "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": {}}",
                "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"9.9\"}", "<bom/>", "<?xml version=\"1.0\"?><!DOCTYPE x ["
                        + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;"
                        + "&b;&b;&b;&b;&b;&b;\">]><bom>&c;</bom>", "SPDXVersion: SPDX-2.3\nPackageName:", "\u0000\u0001\u0002",
                "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [{\"SPDXID\": 5}]}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        byte[] real = TestServer.example("sboms/proton-bridge-v1.8.0.cdx.json");
        for (int i = 0; i < 10; i++) {
            byte[] cut = java.util.Arrays.copyOf(real, random.nextInt(real.length));
            bodies.add(cut);
            byte[] flipped = real.clone();
            for (int j = 0; j < 20; j++) {
                flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
            }
            bodies.add(flipped);
        }
        return bodies;
    }

    @Test
    void noBodyOnAnyEndpointGetsA500() {
        Random random = new Random(12);
        String finding = server.get("/api/v1/products/sc200-camera/findings", admin).json().get("items").get(0).get("id").asText();
        List<String[]> routes = List.of(new String[] {"POST", "/api/v1/products"},
                new String[] {"POST", "/api/v1/products/sc200-camera/releases/fuzz/sboms"},
                new String[] {"PUT", "/api/v1/findings/" + finding + "/triage?product=sc200-camera"},
                new String[] {"PUT", "/api/v1/advisories/snapshot"}, new String[] {"POST", "/api/v1/users"},
                new String[] {"POST", "/api/v1/api-keys"}, new String[] {"POST", "/api/v1/organisations"},
                new String[] {"PUT", "/api/v1/incidents/fuzz.json"}, new String[] {"PUT", "/api/v1/products/sc200-camera/profile"});
        for (String[] route : routes) {
            for (byte[] body : bodies(random)) {
                for (String type : List.of("application/json", "application/xml", "text/plain")) {
                    TestServer.Response response = server.call(route[0], route[1], admin, type, body);
                    assertThat(response.status()).as("%s %s with %d bytes of %s: %s", route[0], route[1], body.length, type,
                            response.text()).isLessThan(500);
                    assertThat(response.text()).doesNotContain("\tat ").doesNotContain("Exception:");
                }
            }
        }
    }

    @Test
    void hostilePathsAndParametersGetA4xx() {
        List<String> paths = List.of("/api/v1/products/%00", "/api/v1/products/..%2F..%2Fetc", "/api/v1/products/"
                + "x".repeat(5000), "/api/v1/products/sc200-camera/findings?limit=-1",
                "/api/v1/products/sc200-camera/findings?offset=99999999999999", "/api/v1/products/sc200-camera/findings?knownExploited=maybe",
                "/api/v1/audit?after=abc", "/api/v1/products/sc200-camera/releases/%E2%82%AC/sboms/zz",
                "/api/v1/products/sc200-camera/findings?release=" + "9".repeat(3000));
        for (String path : paths) {
            TestServer.Response response = server.get(path, admin);
            assertThat(response.status()).as(path + ": " + response.text()).isBetween(400, 499);
        }
    }
}
