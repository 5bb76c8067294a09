package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The purl fast path against the purl-spec test suite (src/test/resources/purl-spec, MIT) and
 * against packageurl-java on generated purls: whatever it accepts, it reads exactly as the full
 * parser does; what the suite calls invalid, it leaves to the full parser.
 */
class PackageUrlPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> suite() throws IOException, URISyntaxException {
        URL folder = PackageUrlPartsTest.class.getResource("/purl-spec");
        List<JsonNode> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(folder.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    JSON.readTree(in).get("tests").forEach(tests::add);
                }
            }
        }
        return tests;
    }

    /** What packageurl-java reads, in the fast path's shape; null when it refuses the purl. */
    private static PackageUrlParts full(String purl) {
        try {
            PackageURL parsed = new PackageURL(purl);
            return new PackageUrlParts(parsed.getType(), parsed.getNamespace() == null ? "" : parsed.getNamespace(),
                    parsed.getName(), parsed.getVersion(), parsed.getQualifiers() == null ? Map.of() : parsed.getQualifiers());
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    private static String canonicalize(String purl) {
        try {
            return new PackageURL(purl).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new AssertionError(purl, e);
        }
    }

    @Test
    void agreesWithPackageurlJavaAndTheSpecOnEveryVectorItAccepts() throws Exception {
        int accepted = 0;
        int parseTests = 0;
        for (JsonNode test : suite()) {
            if (!test.get("input").isTextual()) {
                continue; // build tests start from parts
            }
            String input = test.get("input").asText();
            PackageUrlParts fast = PackageUrlParts.fast(input);
            boolean failure = test.get("expected_failure").asBoolean();
            String type = test.get("test_type").asText();
            if (failure && !type.equals("build")) {
                assertThat(fast).as("%s: %s is invalid, the fast path must leave it", test.get("description"), input).isNull();
                continue;
            }
            if (fast == null) {
                continue;
            }
            accepted++;
            assertThat(fast).as("%s: %s", test.get("description"), input).isEqualTo(full(input));
            assertThat(PackageUrlParts.canonical(input)).as("canonical %s", input).isEqualTo(new PackageURL(input).canonicalize());
            if (type.equals("parse")) {
                parseTests++;
                JsonNode expected = test.get("expected_output");
                assertThat(fast.type()).isEqualTo(expected.get("type").asText());
                assertThat(fast.namespace()).isEqualTo(expected.get("namespace").isNull() ? "" : expected.get("namespace").asText());
                assertThat(fast.name()).isEqualTo(expected.get("name").asText());
                assertThat(fast.version()).isEqualTo(expected.get("version").isNull() ? null : expected.get("version").asText());
                Map<String, String> qualifiers = new LinkedHashMap<>();
                if (!expected.get("qualifiers").isNull()) {
                    expected.get("qualifiers").fields().forEachRemaining(e -> qualifiers.put(e.getKey(), e.getValue().asText()));
                }
                assertThat(fast.qualifiers()).isEqualTo(qualifiers);
            }
        }
        // The fast path must be exercised by the suite, not decline everything.
        assertThat(accepted).isGreaterThan(40);
        assertThat(parseTests).isGreaterThan(15);
    }

    @Test
    void agreesWithPackageurlJavaOnGeneratedPurls() {
        String[] types = {"npm", "pypi", "maven", "golang", "cargo", "gem", "nuget", "composer", "hex", "pub", "deb", "apk",
            "rpm", "NPM", "swift", "github", "conan", "generic"};
        String[] segments = {"lodash", "Lodash", "left_pad", "a.b-c", "%40scope", "%40Scope", "@scope", "core", "Django_Rest", "Newtonsoft.Json", "GoogleAPIs",
            "g++", "x~y", "", "a%2Fb", "spring-boot", "github.com", "Azure", "my pkg", "é", "a:b", "1"};
        String[] versions = {"1.2.3", "v1.2.3", "1:2.3-4", "2.0.0+build.1", "1.0.0-RC1", "", "1.0%20Final", "go1.21",
            "1.2#x", "0.0.0-20230101-abcdef",
            "1!2.0", "1.0;x,y", "1.0*$'(x)", "[1.0]", "1^2", "1`2", "1{2}", "1|2", "1\"2", "1<2>"};
        String[] qualifiers = {"", "?distro=debian-12", "?arch=amd64&distro=bookworm", "?upstream=openssl", "?Epoch=1",
            "?epoch=2", "?repository_url=repo.spring.io/release", "?x=", "?a=1&a=2", "?k=a%20b", "?&k=v", "?k=v&",
            "?type=jar&classifier=sources", "?upstream=glibc%402.36",
            "?k=a:b+c!d*e$f,g;h(i)j'&a=[1]"};
        String[] subpaths = {"", "", "", "#sub/path"};
        Random random = new Random(20);
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder purl = new StringBuilder(random.nextInt(50) == 0 ? "PKG:" : "pkg:");
            if (random.nextInt(50) == 0) {
                purl.append('/');
            }
            purl.append(types[random.nextInt(types.length)]).append('/');
            int depth = random.nextInt(3);
            for (int d = 0; d < depth; d++) {
                purl.append(segments[random.nextInt(segments.length)]).append('/');
            }
            purl.append(segments[random.nextInt(segments.length)]);
            if (random.nextInt(10) != 0) {
                purl.append('@').append(versions[random.nextInt(versions.length)]);
            }
            purl.append(qualifiers[random.nextInt(qualifiers.length)]).append(subpaths[random.nextInt(subpaths.length)]);
            String text = purl.toString();
            PackageUrlParts fast = PackageUrlParts.fast(text);
            if (fast != null) {
                accepted++;
                assertThat(fast).as(text).isEqualTo(full(text));
                assertThat(PackageUrlParts.canonical(text)).as("canonical %s", text).isEqualTo(canonicalize(text));
            } else {
                assertThat(PackageUrlParts.canonical(text)).as(text).isNull();
            }
        }
        assertThat(accepted).isGreaterThan(3_000);
    }

    @Test
    void writesCanonicalPurlsAsPackageurlJavaDoes() throws Exception {
        // Percent-encoded build metadata and epochs, sorted qualifiers, a value holding a slash, an npm scope.
        for (String purl : List.of("pkg:npm/%40angular/core@17.0.1+b.2?b=1&a=x/y",
                "pkg:deb/debian/openssl@1:3.0.11-1~deb12u2?distro=debian-12&arch=amd64",
                "pkg:maven/org.a/b@1.0?type=jar&classifier=sources&repository_url=repo.spring.io/release",
                "pkg:golang/github.com/sirupsen/logrus@v1.9.3", "pkg:nuget/Newtonsoft.Json@13.0.1")) {
            assertThat(PackageUrlParts.canonical(purl)).as(purl).isNotNull().isEqualTo(canonicalize(purl));
        }
        assertThat(PackageUrlParts.canonical("pkg:npm/%40angular/core@17.0.1+b.2?b=1&a=x/y"))
                .isEqualTo("pkg:npm/%40angular/core@17.0.1%2Bb.2?a=x%2Fy&b=1");
    }

    @Test
    void readsTheCommonShapes() throws Exception {
        assertThat(PackageUrlParts.fast("pkg:npm/%40angular/core@17.0.1"))
                .isEqualTo(new PackageUrlParts("npm", "@angular", "core", "17.0.1", Map.of()));
        assertThat(PackageUrlParts.fast("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12"))
                .isEqualTo(new PackageUrlParts("deb", "debian", "openssl", "3.0.11-1~deb12u2",
                        Map.of("arch", "amd64", "distro", "debian-12")));
        assertThat(PackageUrlParts.fast("pkg:golang/github.com/sirupsen/logrus@v1.9.3"))
                .isEqualTo(new PackageUrlParts("golang", "github.com/sirupsen", "logrus", "v1.9.3", Map.of()));
        // Declined shapes still parse, through packageurl-java.
        assertThat(PackageUrlParts.fast("pkg:golang/github.com/Azure/azure-sdk-for-go@v1.0.0")).isNull();
        assertThat(PackageUrlParts.parse("pkg:golang/github.com/Azure/azure-sdk-for-go@v1.0.0").namespace())
                .isEqualTo("github.com/azure");
        assertThat(PackageUrlParts.parse("pkg:pypi/Django_Rest@1.0").name()).isEqualTo("django-rest");
        assertThat(PackageUrlParts.parse("pkg:npm/lodash").version()).isNull();
    }
}
