package dev.tandem.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, truncated and hostile lockfiles (docs/hardening.md): every one is refused with an
 * {@link InputException} whose message starts with the file's name and the line (and column where the
 * format has one), in the format's words; nothing is read as a shorter or different lockfile.
 */
class LockfileHostileInputTest {

    private static String deep(String open, String close, int depth) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // JSON: package-lock.json, composer.lock
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\"",
                        "line 1, column 74", "Unexpected end-of-input"),
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\", \"version\": \"2.0.0\"}}}",
                        "line 1, column 85", "key 'version' is given twice"),
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 3,\n\"x\": " + deep("[", "]", 5000) + "}",
                        "line 2", "nesting depth"),
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": [1, 2]}", "line 1, column 36",
                        "/packages: expected an object, found an array"),
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 1, \"dependencies\": {\"a\": {\"version\": \"1\", \"dependencies\": 3}}}",
                        "line 1", "expected an object, found a number"),
                Arguments.of("package-lock.json", "[1]", "line 1, column 1", "expected a JSON object at the top level"),
                // Found by the anyReader fuzz run: a folder key with no package in it ("/") and no "name".
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 2, \"packages\": {\"/\": {\"version\": \"1.0.0\"}}}",
                        "line 1", "the folder \"/\" names no package"),
                Arguments.of("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/\": {\"version\": \"1.0.0\"}}}",
                        "line 1", "the folder \"node_modules/\" names no package"),
                Arguments.of("composer.lock", "{\"packages\": [],\n \"packages\": []}", "line 2", "key 'packages' is given twice"),
                Arguments.of("composer.lock", "{\"packages\": [{\"name\": \"a/b\", \"version\": [1]}]}", "line 1",
                        "/packages/0/version: expected a string, found an array"),
                // YAML: pnpm-lock.yaml
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: &x\n    resolution: {integrity: sha512-aa}\n  b@1.0.0: *x\n",
                        "line 5, column 12", "YAML aliases (*x) are not supported"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n  a@1.0.0: {}\n", "line 4",
                        "key 'a@1.0.0' is given twice"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution:", "line 4",
                        "looks cut off"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\nx: " + deep("[", "]", 5000) + "\n", "line 2", "nesting depth"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages: [1, 2]\n", "line 2", "'packages' should be a mapping"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a: [\n", "line 4", "malformed YAML"),
                // TOML: Cargo.lock, poetry.lock, uv.lock
                Arguments.of("Cargo.lock", "version = 3\n[[package]]\nname = \"a\"\nname = \"b\"\nversion = \"1.0.0\"\n", "line 4",
                        "a key is given twice in one table"),
                Arguments.of("Cargo.lock", "version = 3\n[[package]]\nname = \"a\nversion = \"1.0.0\"\n", "line 3", "malformed TOML"),
                Arguments.of("Cargo.lock", "version = 3\n[[package", "line 2", "malformed TOML"),
                Arguments.of("Cargo.lock", "version = 3\nx = " + deep("[", "]", 5000) + "\n", "line 2", "nesting depth"),
                Arguments.of("Cargo.lock", "version = 3\nx = " + deep("{a=", "}", 5000) + "\n", "line 2", "nesting depth"),
                Arguments.of("Cargo.lock", "version = 3\npackage = 5\n", "line 2", "'package' should be an array of tables"),
                Arguments.of("Cargo.lock", "version = 3\n[[package]]\nname = 5\nversion = [1]\n", "line 3",
                        "'name' should be a string, found a number"),
                Arguments.of("poetry.lock", "[[package]]\nname = \"a\"\nversion = 1.5\n", "line 2", "'version' should be a string"),
                Arguments.of("poetry.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\n[metadata]\n[metadata]\n", "line 5",
                        "Table redefined"),
                Arguments.of("uv.lock", "version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = 5\n", "line 3",
                        "'source' should be a table"),
                Arguments.of("uv.lock", "version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [3]\n", "line 3",
                        "a dependency without 'name'"),
                // Text formats
                Arguments.of("yarn.lock", "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\n", "line 4", "without its closing quote"),
                // Found by fuzzing: a header that is one quote.
                Arguments.of("yarn.lock", "\":\nlol^in|egrity1", "line 1", "a quoted value without its closing quote"),
                Arguments.of("yarn.lock", "__metadata:\n  version: 6\n\n\"a@npm:^1\":\n  version: [1]\n", "line 4",
                        "the version of a is not a version"),
                Arguments.of("yarn.lock", "# yarn lockfile v1\n\na@^1:\n  x:\n" + " ".repeat(5000) + "y 1\n", "line 5",
                        "belongs to no map"),
                Arguments.of("go.mod", "module x\n\ngo 1.21\n\nrequire (\n  a.b/c v1.0.0\n", "line 6", "is not closed"),
                Arguments.of("go.mod", "module x\nrequire a.b/c\n", "line 2", "expected 'require module version'"),
                Arguments.of("go.mod", "module \"x\nrequire a.b/c v1\n", "line 1", "without its closing quote"),
                Arguments.of("Gemfile.lock", "GEM\n  remote: x\n  specs:\n    a (\n", "line 4", "expected a gem 'name (version)'"),
                Arguments.of("Gemfile.lock", "GEM\n  specs:\n" + " ".repeat(10000) + "a (1)\n", "line 3", "unexpected indentation"),
                Arguments.of("requirements.txt", "a==1\nb==\n", "line 2", "'b==' is not a valid requirement"),
                Arguments.of("deps.txt", "[INFO] The following files have been resolved:\n[INFO]    a:b:jar:1.0:compile\n[INFO]    a:b:jar\n",
                        "line 3", "expected group:artifact:type[:classifier]:version:scope"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refused")
    void isRefusedAtItsLine(String name, String content, String position, String problem) {
        InputDocument document = new InputDocument("project/" + name, content.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Lockfiles.read(document))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("project/" + name + ": " + position)
                .hasMessageContaining(problem)
                .message().doesNotContainPattern("\\b(java|javax|com|org)\\.[a-z]+\\.").doesNotContain("Exception");
    }

    @Test
    void invalidUtf8IsRefusedWhereItIs() {
        for (String name : List.of("yarn.lock", "go.mod", "Gemfile.lock", "requirements.txt", "Cargo.lock", "package-lock.json")) {
            byte[] content = name.endsWith(".json") ? new byte[] {'{', '\n', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}
                    : new byte[] {'#', ' ', 'x', '\n', 'a', (byte) 0xFF, (byte) 0xFE, '\n'};
            assertThatThrownBy(() -> Lockfiles.read(new InputDocument("p/" + name, content)))
                    .as(name).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("p/" + name + ": line 2")
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void aFileThatIsNoLockfileIsRefusedWithTheListOfWhatIsRead() {
        assertThatThrownBy(() -> Lockfiles.read(new InputDocument("notes/todo.txt", "hello world\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("notes/todo.txt: ")
                .hasMessageContaining("package-lock.json")
                .hasMessageContaining("mvn dependency:list");
    }

    @Test
    void aGoSumAloneIsRefused() {
        assertThatThrownBy(() -> Lockfiles.group(List.of(new InputDocument("m/go.sum", new byte[0]))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("m/go.sum: ")
                .hasMessageContaining("give the go.mod");
    }

    @Test
    void aLargeLockfileIsReadWhole() throws InputException {
        int count = 20_000;
        StringBuilder json = new StringBuilder("{\"name\": \"big\", \"lockfileVersion\": 3, \"packages\": {\"\": {\"dependencies\": {");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": \"1.0.").append(i).append('"');
        }
        json.append("}}");
        for (int i = 0; i < count; i++) {
            json.append(", \"node_modules/p").append(i).append("\": {\"version\": \"1.0.").append(i).append("\"}");
        }
        json.append("}}");
        Lockfile lockfile = Lockfiles.read(new InputDocument("big/package-lock.json", json.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(lockfile.packages()).hasSize(count);
        assertThat(lockfile.packages()).allMatch(p -> p.kind() == dev.tandem.sbom.DependencyKind.DIRECT);
        assertThat(lockfile.sbom().components()).hasSize(count);
    }
}
