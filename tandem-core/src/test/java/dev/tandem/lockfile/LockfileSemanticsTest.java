package dev.tandem.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the readers say beyond scalibr's tables: purls in the canonical form OSV matching needs, Maven's
 * scopes and qualifiers, detection by name and content, and the SBOM model a scan reads.
 */
class LockfileSemanticsTest {

    private static Lockfile read(String name, String text) throws InputException {
        return Lockfiles.read(new InputDocument(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mavenDependencyListGivesScopesQualifiersAndTheModule() throws InputException {
        Lockfile lockfile = read("build.log", """
                [INFO] ----------------------< org.acme:camera-cloud >----------------------
                [INFO] Building camera cloud 2.4.1
                [INFO] --------------------------------[ jar ]---------------------------------
                [INFO]
                [INFO] --- maven-dependency-plugin:3.8.1:list (default-cli) @ camera-cloud ---
                [INFO]
                [INFO] The following files have been resolved:
                [INFO]    org.apache.logging.log4j:log4j-core:jar:2.14.1:compile -- module org.apache.logging.log4j.core
                [INFO]    io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.100.Final:runtime
                [INFO]    org.junit.jupiter:junit-jupiter-api:jar:5.11.4:test
                [INFO]    com.google.code.findbugs:jsr305:jar:3.0.2:provided (optional)
                [INFO]    org.acme:shared-config:pom:1.0:compile
                [INFO]
                [INFO] BUILD SUCCESS
                """);
        assertThat(lockfile.format()).isEqualTo(SbomFormat.MAVEN_DEPENDENCY_LIST);
        assertThat(lockfile.subject().name()).isEqualTo("camera-cloud");
        assertThat(lockfile.subject().version()).isEqualTo("2.4.1");
        assertThat(lockfile.subject().purl()).isEqualTo("pkg:maven/org.acme/camera-cloud@2.4.1");
        assertThat(lockfile.packages()).extracting(LockedPackage::purl).containsExactly(
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:maven/io.netty/netty-transport-native-epoll@4.1.100.Final?classifier=linux-x86_64",
                "pkg:maven/org.junit.jupiter/junit-jupiter-api@5.11.4",
                "pkg:maven/com.google.code.findbugs/jsr305@3.0.2",
                "pkg:maven/org.acme/shared-config@1.0?type=pom");
        assertThat(lockfile.packages()).extracting(LockedPackage::scope).containsExactly(ComponentScope.REQUIRED,
                ComponentScope.REQUIRED, ComponentScope.DEVELOPMENT, ComponentScope.OPTIONAL, ComponentScope.REQUIRED);
        assertThat(lockfile.packages().get(0).group()).isEqualTo("org.apache.logging.log4j");
        assertThat(lockfile.packages().get(0).line()).isEqualTo(8);
        // The list is flat: it does not say which dependencies are direct.
        assertThat(lockfile.packages()).allMatch(p -> p.kind() == DependencyKind.UNKNOWN);
    }

    @Test
    void pythonNamesAreNormalisedAsThePurlSpecAndOsvWant() throws InputException {
        Lockfile lockfile = read("requirements.txt", "Django==1.11.29\nruamel_yaml==0.17.21\nzope.interface==5.4.0\n");
        assertThat(lockfile.packages()).extracting(LockedPackage::purl).containsExactly("pkg:pypi/django@1.11.29",
                "pkg:pypi/ruamel-yaml@0.17.21", "pkg:pypi/zope.interface@5.4.0");
    }

    @Test
    void scopedNpmAndComposerNamesAreCanonical() throws InputException {
        Lockfile npm = read("package-lock.json", """
                {"name": "app", "lockfileVersion": 3, "packages": {"": {"name": "app", "dependencies": {"@babel/core": "^7"}},
                 "node_modules/@babel/core": {"version": "7.24.0"}}}
                """);
        assertThat(npm.packages().get(0).purl()).isEqualTo("pkg:npm/%40babel/core@7.24.0");
        assertThat(npm.packages().get(0).kind()).isEqualTo(DependencyKind.DIRECT);
        Lockfile composer = read("composer.lock", """
                {"packages": [{"name": "Symfony/Console", "version": "v5.4.0"}], "packages-dev": [{"name": "phpunit/phpunit", "version": "9.6.0"}]}
                """);
        assertThat(composer.packages()).extracting(LockedPackage::purl)
                .containsExactly("pkg:composer/symfony/console@v5.4.0", "pkg:composer/phpunit/phpunit@9.6.0");
        assertThat(composer.packages()).extracting(LockedPackage::scope)
                .containsExactly(ComponentScope.REQUIRED, ComponentScope.DEVELOPMENT);
    }

    @Test
    void aRenamedLockfileIsToldByItsContent() throws InputException {
        assertThat(read("locks/app.lock.json", "{\"lockfileVersion\": 3, \"packages\": {}}").format())
                .isEqualTo(SbomFormat.NPM_PACKAGE_LOCK);
        assertThat(read("deps/dev-requirements.txt", "flask==2.0.0\n").format()).isEqualTo(SbomFormat.PIP_REQUIREMENTS);
        assertThat(read("gems.locked", "GEM\n  remote: https://rubygems.org/\n  specs:\n    ast (2.4.2)\n").format())
                .isEqualTo(SbomFormat.GEMFILE_LOCK);
    }

    @Test
    void theSbomModelKeepsEveryPackageWithItsScopeAndKind() throws InputException {
        Lockfile lockfile = read("package-lock.json", """
                {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": {
                  "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1"}, "devDependencies": {"jest": "^29"}},
                  "node_modules/a": {"version": "1.0.0", "dependencies": {"b": "^2"}},
                  "node_modules/b": {"version": "2.0.0"},
                  "node_modules/jest": {"version": "29.7.0", "dev": true}
                }}
                """);
        var sbom = lockfile.sbom();
        assertThat(sbom.format()).isEqualTo(SbomFormat.NPM_PACKAGE_LOCK);
        assertThat(sbom.specVersion()).isEqualTo("3");
        assertThat(sbom.subject().name()).isEqualTo("app");
        assertThat(sbom.components()).extracting(c -> c.purl() + " " + c.dependency() + " " + c.scope()).containsExactly(
                "pkg:npm/a@1.0.0 DIRECT REQUIRED", "pkg:npm/b@2.0.0 TRANSITIVE REQUIRED",
                "pkg:npm/jest@29.7.0 DIRECT DEVELOPMENT");
        assertThat(lockfile.dependencies().get(sbom.subject().bomRef())).containsExactly("pkg:npm/a@1.0.0", "pkg:npm/jest@29.7.0");
        assertThat(lockfile.purlLines()).containsEntry("pkg:npm/b@2.0.0", 4);
        assertThat(List.copyOf(lockfile.warnings())).isEmpty();
    }
}
