package dev.tandem.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.SbomFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The test tables of google/osv-scalibr's lockfile extractors, ported: each case's fixture (copied
 * into {@code scalibr/<format>/}, Apache-2.0, see SOURCES.md) read by Tandem's reader, and the packages
 * compared with the case's expected list (name, version, dependency groups, commit and, where the case
 * gives one, line). Where Tandem differs on purpose, the case keeps scalibr's list under
 * {@code "scalibr"} and says why under {@code "differs"}; {@code "packages"} is what Tandem must give.
 */
class ScalibrFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, SbomFormat> FORMATS = Map.of(
            "package-lock", SbomFormat.NPM_PACKAGE_LOCK,
            "yarn", SbomFormat.YARN_LOCK,
            "pnpm", SbomFormat.PNPM_LOCK,
            "cargo", SbomFormat.CARGO_LOCK,
            "gomod", SbomFormat.GO_MOD,
            "poetry", SbomFormat.POETRY_LOCK,
            "uv", SbomFormat.UV_LOCK,
            "requirements", SbomFormat.PIP_REQUIREMENTS,
            "composer", SbomFormat.COMPOSER_LOCK,
            "gemfile", SbomFormat.GEMFILE_LOCK);

    @TestFactory
    Stream<DynamicNode> everyPortedCase() throws IOException {
        List<DynamicNode> formats = new ArrayList<>();
        for (Map.Entry<String, SbomFormat> format : new java.util.TreeMap<>(FORMATS).entrySet()) {
            JsonNode expected = JSON.readTree(resource(format.getKey() + "/expected.json"));
            List<DynamicTest> cases = new ArrayList<>();
            for (JsonNode c : expected.get("cases")) {
                String name = c.get("name").asText() + " (" + c.get("file").asText() + ")";
                cases.add(DynamicTest.dynamicTest(name, () -> check(format.getKey(), format.getValue(), c)));
            }
            formats.add(DynamicContainer.dynamicContainer(format.getKey(), cases));
        }
        return formats.stream();
    }

    private static void check(String folder, SbomFormat format, JsonNode c) throws Exception {
        String file = c.get("file").asText();
        InputDocument document = new InputDocument("scalibr/" + folder + "/" + file, resource(folder + "/" + file));
        List<InputDocument> companions = new ArrayList<>();
        if (file.endsWith(".mod") && exists(folder + "/" + file.replace(".mod", ".sum"))) {
            String sum = file.replace(".mod", ".sum");
            companions.add(new InputDocument("scalibr/" + folder + "/" + sum, resource(folder + "/" + sum)));
        }
        LockfileReader reader = Lockfiles.reader(format);
        if (c.has("error")) {
            assertThatThrownBy(() -> reader.read(document, companions))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(document.source() + ": ")
                    .hasMessageContaining(c.get("error").asText());
            return;
        }
        Lockfile lockfile = reader.read(document, companions);
        List<String> actual = new ArrayList<>();
        boolean lines = false;
        for (JsonNode p : c.get("packages")) {
            lines |= p.has("line");
        }
        for (LockedPackage p : lockfile.packages()) {
            actual.add(describe(p.name(), p.version(), p.groups(), p.commit(), lines ? p.line() : -1));
        }
        List<String> want = new ArrayList<>();
        for (JsonNode p : c.get("packages")) {
            List<String> groups = new ArrayList<>();
            p.get("groups").forEach(g -> groups.add(g.asText()));
            want.add(describe(p.get("name").asText(), p.get("version").asText(), groups, p.get("commit").asText(),
                    lines ? p.path("line").asInt(0) : -1));
        }
        assertThat(actual).as("%s: %s", document.source(), c.path("differs").asText("as scalibr"))
                .containsExactlyInAnyOrderElementsOf(want);
    }

    private static String describe(String name, String version, List<String> groups, String commit, int line) {
        return name + "@" + version + " " + groups.stream().sorted().toList() + (commit.isEmpty() ? "" : " #" + commit)
                + (line >= 0 ? " line " + line : "");
    }

    private static boolean exists(String path) {
        return ScalibrFixturesTest.class.getResource("/dev/tandem/lockfile/scalibr/" + path) != null;
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ScalibrFixturesTest.class.getResourceAsStream("/dev/tandem/lockfile/scalibr/" + path)) {
            if (in == null) {
                throw new IOException("no fixture " + path);
            }
            return in.readAllBytes();
        }
    }
}
