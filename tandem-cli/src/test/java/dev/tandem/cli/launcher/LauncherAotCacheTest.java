package dev.tandem.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tandem.cli.CliRun;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tandem} launcher's ahead-of-time cache (docs/performance.md#start-up): created on a
 * command's first run, used afterwards, rebuilt when the jar changes, and every failure (no writable
 * folder, a corrupt cache, a JDK without AOT) falls back to a plain start with nothing on standard error.
 * The launcher runs from a copy of the repository's script over a jar whose manifest points at this
 * module's class path, with a wrapper JDK that logs the JVM's arguments.
 */
class LauncherAotCacheTest {

    private static final Path LAUNCHER = Path.of("..", "tandem").toAbsolutePath().normalize();
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path root;
    private Path jar;
    private Path javaLog;
    private Path cache;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        root = dir.resolve("tandem-home");
        Files.createDirectories(root.resolve("tandem-cli/target"));
        Files.copy(LAUNCHER, root.resolve("tandem"));
        root.resolve("tandem").toFile().setExecutable(true);
        jar = root.resolve("tandem-cli/target/tandem.jar");
        writeJar(jar);
        javaLog = dir.resolve("java-args.log");
        cache = dir.resolve("cache");
    }

    /** A jar whose manifest starts the CLI from this test's class path (directories and jars). */
    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.tandem.cli.Main");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }

    /** A JDK folder whose {@code release} says {@code major} and whose java logs its arguments, then runs this JVM. */
    private Path wrapperJdk(int major) throws IOException {
        Path home = dir.resolve("jdk-" + major);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + major + ".0.1\"\n");
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + javaLog + "'\nexec '" + realJava + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Run launch(Path jdk, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("tandem").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("TANDEM_JAVA_OPTS");
        builder.environment().remove("TANDEM_AOT");
        builder.environment().put("TANDEM_JAVA_HOME", jdk.toString());
        builder.environment().put("TANDEM_CACHE_DIR", cache.toString());
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread errReader = Thread.ofVirtual().start(() -> {
            try {
                streams[1] = process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                streams[1] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        streams[0] = process.getInputStream().readAllBytes();
        errReader.join();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
    }

    private Run scan(Path jdk, Map<String, String> env) throws Exception {
        Path snapshot = dir.resolve("advisories.tdb");
        if (!Files.exists(snapshot)) {
            // scan --advisories runs with the full JIT and no cache (a bulk command); a snapshot scan is a short one.
            CliRun build = CliRun.of("db", "build", "--advisories", EXAMPLES.resolve("advisories").toString(),
                    "--out", snapshot.toString());
            assertThat(build.exitCode()).as(build.err()).isZero();
        }
        return launch(jdk, env, "scan", "--db", snapshot.toString(),
                "--sbom", EXAMPLES.resolve("sboms/proton-bridge-v1.8.0.cdx.json").toString(), "--format", "json");
    }

    private Run versions(Path jdk, Map<String, String> env) throws Exception {
        return launch(jdk, env, "versions", "compare", "--ecosystem", "npm", "1.2.3", "1.10.0");
    }

    private List<Path> caches(String command) throws IOException {
        Path folder = cache.resolve("aot");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(command + "-")).sorted().toList();
        }
    }

    private List<String> javaRuns() throws IOException {
        return Files.exists(javaLog) ? Files.readAllLines(javaLog) : List.of();
    }

    private static String withoutScanTime(String report) {
        return report.replaceAll("\"scannedAt\" *: *\"[^\"]*\"", "");
    }

    @Test
    void theFirstRunRecordsTheCacheLaterRunsUseItAndANewJarGetsANewOne() throws Exception {
        assumeThat(Runtime.version().feature()).as("the AOT cache needs JDK 24 or newer").isGreaterThanOrEqualTo(24);
        Path jdk = wrapperJdk(Runtime.version().feature());
        Run plain = scan(jdk, Map.of("TANDEM_AOT", "off"));
        assertThat(plain.exitCode()).as(plain.err()).isIn(0, 1);
        assertThat(plain.err()).isEmpty();
        assertThat(javaRuns()).singleElement().asString().doesNotContain("AOT");
        assertThat(cache).doesNotExist();
        Files.delete(javaLog);

        Run first = scan(jdk, Map.of());
        assertThat(first.err()).isEmpty();
        assertThat(first.exitCode()).isEqualTo(plain.exitCode());
        assertThat(withoutScanTime(first.out())).isEqualTo(withoutScanTime(plain.out()));
        assertThat(javaRuns()).hasSize(2);
        assertThat(javaRuns().get(0)).contains("-XX:AOTMode=record").contains("-jar");
        assertThat(javaRuns().get(1)).contains("-XX:AOTMode=create");
        List<Path> created = caches("scan");
        assertThat(created).singleElement().satisfies(f -> assertThat(Files.size(f)).isPositive());
        try (Stream<Path> files = Files.list(cache.resolve("aot"))) {
            assertThat(files).as("no temporary files left").allMatch(f -> f.getFileName().toString().endsWith(".aot")
                    && !f.getFileName().toString().startsWith("."));
        }
        Files.delete(javaLog);

        Run second = scan(jdk, Map.of());
        assertThat(second.err()).isEmpty();
        assertThat(withoutScanTime(second.out())).isEqualTo(withoutScanTime(plain.out()));
        assertThat(javaRuns()).singleElement().asString().contains("-XX:AOTCache=" + created.get(0))
                .doesNotContain("AOTMode");
        Files.delete(javaLog);

        // Another command gets its own cache.
        Run other = versions(jdk, Map.of());
        assertThat(other.err()).isEmpty();
        assertThat(other.exitCode()).isZero();
        assertThat(caches("versions")).hasSize(1);
        assertThat(caches("scan")).isEqualTo(created);
        Files.delete(javaLog);

        // The jar changes (a rebuild): a new cache is recorded and the old one removed.
        writeJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Run rebuilt = scan(jdk, Map.of());
        assertThat(rebuilt.err()).isEmpty();
        assertThat(withoutScanTime(rebuilt.out())).isEqualTo(withoutScanTime(plain.out()));
        assertThat(javaRuns().get(0)).contains("-XX:AOTMode=record");
        assertThat(caches("scan")).singleElement().isNotEqualTo(created.get(0));
    }

    @Test
    void aCorruptCacheIsIgnoredSilently() throws Exception {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
        Path jdk = wrapperJdk(Runtime.version().feature());
        Run first = versions(jdk, Map.of());
        assertThat(first.err()).isEmpty();
        Path created = caches("versions").getFirst();
        Files.write(created, "not an AOT cache, and truncated".getBytes(StandardCharsets.UTF_8));
        Run corrupt = versions(jdk, Map.of());
        assertThat(corrupt.err()).isEmpty();
        assertThat(corrupt.exitCode()).isZero();
        assertThat(corrupt.out()).isEqualTo(first.out());
    }

    @Test
    void anUnwritableCacheFolderMeansAPlainStart() throws Exception {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
        Path jdk = wrapperJdk(Runtime.version().feature());
        // A regular file where the folder should be: no user, root included, can create the folder.
        Files.writeString(cache, "a file, not a folder");
        Run run = versions(jdk, Map.of());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("<");
        assertThat(javaRuns()).singleElement().asString().doesNotContain("AOT");
    }

    @Test
    void aJdkWithoutAotCacheSupportStartsPlain() throws Exception {
        Path jdk = wrapperJdk(21);
        Run run = versions(jdk, Map.of());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(javaRuns()).singleElement().asString().doesNotContain("AOT").doesNotContain("Xlog");
        assertThat(cache).doesNotExist();
    }

    @Test
    void helpAndLongRunningCommandsRecordNothing() throws Exception {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
        Path jdk = wrapperJdk(Runtime.version().feature());
        assertThat(launch(jdk, Map.of(), "--help").err()).isEmpty();
        assertThat(launch(jdk, Map.of(), "scan", "--help").err()).isEmpty();
        assertThat(launch(jdk, Map.of(), "db", "build", "--help").err()).isEmpty();
        assertThat(javaRuns()).hasSize(3).noneMatch(args -> args.contains("AOT"));
        assertThat(cache).doesNotExist();
    }

    @Test
    void aScanOverAdvisoryFilesRunsWithTheSerialCollectorAndTheBuildWithTheParallelOne() throws Exception {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
        Path jdk = wrapperJdk(Runtime.version().feature());
        Run scan = launch(jdk, Map.of(), "scan", "--advisories", EXAMPLES.resolve("advisories").toString(),
                "--sbom", EXAMPLES.resolve("sboms/proton-bridge-v1.8.0.cdx.json").toString(), "--format", "json");
        assertThat(scan.exitCode()).as(scan.err()).isIn(0, 1);
        Run build = launch(jdk, Map.of(), "db", "build", "--advisories", EXAMPLES.resolve("advisories").toString(),
                "--out", dir.resolve("built.tdb").toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        List<String> runs = javaRuns();
        assertThat(runs).hasSize(2).noneMatch(args -> args.contains("AOT") || args.contains("TieredStopAtLevel"));
        assertThat(runs.get(0)).contains("-XX:+UseSerialGC").doesNotContain("UseParallelGC");
        assertThat(runs.get(1)).contains("-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0").doesNotContain("UseSerialGC");
        assertThat(cache).doesNotExist();
    }

    @Test
    void aScanOverAdvisoryFilesUsesCompactObjectHeadersFromJdk25Only() throws Exception {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(25);
        String[] scan = {"scan", "--advisories", EXAMPLES.resolve("advisories").toString(),
                "--sbom", EXAMPLES.resolve("sboms/proton-bridge-v1.8.0.cdx.json").toString(), "--format", "json"};
        Run on25 = launch(wrapperJdk(25), Map.of(), scan);
        assertThat(on25.exitCode()).as(on25.err()).isIn(0, 1);
        assertThat(on25.err()).isEmpty();
        // A JDK that says it is 21 gets no flag it would refuse (this JVM runs it, so the scan still works).
        Run on21 = launch(wrapperJdk(21), Map.of(), scan);
        assertThat(on21.exitCode()).as(on21.err()).isIn(0, 1);
        // The build takes them too, with its own collector; on a JDK that says 21 it does not.
        String[] build = {"db", "build", "--advisories", EXAMPLES.resolve("advisories").toString(),
                "--out", dir.resolve("built.tdb").toString()};
        Run build25 = launch(wrapperJdk(25), Map.of(), build);
        assertThat(build25.exitCode()).as(build25.err()).isZero();
        Run build21 = launch(wrapperJdk(21), Map.of(), build);
        assertThat(build21.exitCode()).as(build21.err()).isZero();
        // Short commands keep their own flags (the start-up cache).
        Run version = launch(wrapperJdk(25), Map.of("TANDEM_AOT", "off"), "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        List<String> runs = javaRuns();
        assertThat(runs).hasSize(5);
        assertThat(runs.get(0)).contains("-XX:+UseSerialGC -XX:+UseCompactObjectHeaders");
        assertThat(runs.get(1)).contains("-XX:+UseSerialGC").doesNotContain("CompactObjectHeaders");
        assertThat(runs.get(2)).contains("-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders");
        assertThat(runs.get(3)).contains("-XX:+UseParallelGC").doesNotContain("CompactObjectHeaders");
        assertThat(runs.get(4)).doesNotContain("CompactObjectHeaders").doesNotContain("UseParallelGC");
    }
}
