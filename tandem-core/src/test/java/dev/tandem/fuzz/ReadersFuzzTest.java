package dev.tandem.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.exercise.ScenarioReader;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.sbom.SbomDocument;
import dev.tandem.sbom.quality.SbomFactsReader;
import dev.tandem.advisory.EpssReader;
import dev.tandem.feed.FeedsFile;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.triage.IgnoreFile;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanUseCase;
import dev.tandem.lockfile.Lockfile;
import dev.tandem.lockfile.LockfileDocuments;
import dev.tandem.lockfile.Lockfiles;
import dev.tandem.triage.decisions.DecisionsReader;
import dev.tandem.vex.VexReaders;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fuzz tests of every reader (issue 21; docs/hardening.md). Each asserts the readers' contract: any
 * input gives a result or an {@link InputException} naming the source, nothing else (no other
 * exception, no error, no hang), within a memory bound. Without {@code JAZZER_FUZZ} they run as
 * regression tests over the committed inputs in {@code src/test/resources/dev/tandem/fuzz/ReadersFuzzTestInputs/<test>/}
 * (every build). CI fuzzes {@link #anyReader} for a minute (profile {@code fuzz-ci}), which spreads
 * the time over every reader; {@code fuzz/run.sh <test>} fuzzes one reader for ten minutes on demand.
 * Every crash found becomes a committed input there (docs/hardening.md).
 */
class ReadersFuzzTest {

    private static final ReportingCatalog CATALOG = CatalogLoader.bundled();
    private static final IncidentReader INCIDENTS = new IncidentReader(CATALOG);
    private static final ScenarioReader SCENARIOS = new ScenarioReader(CATALOG);

    /**
     * Memory one call may allocate: a fixed allowance (one-time initialisation, such as the first use of a
     * catalog, and Jazzer's instrumentation allocate tens of MB) plus a generous factor of the input's
     * size. A forged count or an expansion bomb allocates gigabytes and fails it.
     */
    private static long allowance(byte[] input) {
        return (256L << 20) + 2_000L * input.length;
    }

    /** The contract: a result or an InputException naming the source; never another throwable; bounded allocation. */
    private static void contract(String source, byte[] input, Reader reader) {
        warmUp(source, input, reader);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            reader.read(new InputDocument(source, input));
        } catch (InputException e) {
            assertThat(e.source()).startsWith(source);
            assertThat(e.getMessage()).startsWith(e.source() + ": ");
            assertThat(LeakedInternals.in(e.getMessage(), input)).as("internals named in %s", e.getMessage()).isEmpty();
        } catch (Exception e) {
            throw new AssertionError("not an InputException: " + e, e);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated reading %d bytes", input.length).isLessThan(allowance(input));
    }

    /** The readers already called once in this JVM. */
    private static final java.util.Set<String> WARM = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Calls a reader once, unmeasured, the first time it is used: its one-time initialisation (class loading,
     * tables, catalogs) under Jazzer's instrumentation is not what the memory bound is about (a CI run once
     * exceeded the fixed allowance on a reader's first, 16 KB input).
     */
    private static void warmUp(String source, byte[] input, Reader reader) {
        if (WARM.add(source)) {
            try {
                reader.read(new InputDocument(source, input));
            } catch (Exception | AssertionError e) {
                // Judged by the measured call that follows.
            }
        }
    }

    @FunctionalInterface
    interface Reader {
        void read(InputDocument document) throws Exception;
    }

    /** Every view of one parse: the model, the quality facts and, for JSON, the crypto inventory. */
    private static void sbom(InputDocument document) throws Exception {
        SbomDocument parsed = SbomDocument.parse(document);
        parsed.sbom();
        SbomFactsReader.of(parsed);
        if (parsed.json().isPresent()) {
            CbomReader.inventory(parsed);
        }
    }

    /** The readers {@link #anyReader} picks from, each with the name its documents get (the name chooses JSON or YAML). */
    private static final List<Map.Entry<String, Reader>> READERS = List.of(
            Map.entry("bom.cdx.json", ReadersFuzzTest::sbom),
            Map.entry("bom.cdx.xml", ReadersFuzzTest::sbom),
            Map.entry("doc.spdx", ReadersFuzzTest::sbom),
            Map.entry("cbom.json", document -> new CbomReader().read(document)),
            Map.entry("GHSA-fuzz.json", document -> AdvisoryLoader.read(List.of(document), LoadOptions.lenient())),
            Map.entry("GHSA-fuzz.yaml", document -> AdvisoryLoader.read(List.of(document), LoadOptions.strict())),
            Map.entry("kev.json", document -> KevReader.read(document.source(), document.content())),
            Map.entry("incident.json", INCIDENTS::read),
            Map.entry("incident.yaml", INCIDENTS::read),
            Map.entry("scenario.yaml", SCENARIOS::read),
            Map.entry("product.yaml", ProductProfileReader::read),
            Map.entry("advisories.tdb", document -> Snapshot.of(document.source(), document.content()).index()),
            Map.entry("all.zip", ReadersFuzzTest::zip),
            Map.entry("doc.spdx.json", ReadersFuzzTest::sbom),
            // Appended, so the first bytes of the committed anyReader inputs keep picking the same readers.
            Map.entry("epss.csv.gz", document -> EpssReader.read(document.source(), document.content())),
            Map.entry(".tandem-ignore.yaml", IgnoreFile::read),
            Map.entry("tandem-feeds.yaml", document -> FeedsFile.read(document, null)),
            Map.entry("baseline.json", ReadersFuzzTest::baseline),
            // Lockfiles (issue 18), each told by its name as the CLI tells them.
            Map.entry("package-lock.json", ReadersFuzzTest::lockfile),
            Map.entry("yarn.lock", ReadersFuzzTest::lockfile),
            Map.entry("pnpm-lock.yaml", ReadersFuzzTest::lockfile),
            Map.entry("Cargo.lock", ReadersFuzzTest::lockfile),
            Map.entry("go.mod", ReadersFuzzTest::lockfile),
            Map.entry("go.sum", ReadersFuzzTest::goSum),
            Map.entry("poetry.lock", ReadersFuzzTest::lockfile),
            Map.entry("uv.lock", ReadersFuzzTest::lockfile),
            Map.entry("requirements.txt", ReadersFuzzTest::lockfile),
            Map.entry("composer.lock", ReadersFuzzTest::lockfile),
            Map.entry("Gemfile.lock", ReadersFuzzTest::lockfile),
            Map.entry("dependency-list.txt", ReadersFuzzTest::lockfile),
            // VEX and triage decisions (issue 16).
            Map.entry("vex.json", VexReaders::read),
            Map.entry("decisions.yaml", DecisionsReader::read),
            // NVD and CVE records (issue 15).
            Map.entry("CVE-fuzz.json", ReadersFuzzTest::nvd),
            Map.entry("nvdcve-2.0-fuzz.json.gz", ReadersFuzzTest::nvd),
            // CycloneDX VEX in XML (issue 16): the input made XML, so the fuzzer spends its time past the first byte.
            Map.entry("vex.cdx.xml", ReadersFuzzTest::vexXml));


    /** A lockfile, read as a scan reads it: into the SBOM model, its package lines noted. */
    private static void lockfile(InputDocument document) throws Exception {
        Lockfile lockfile = Lockfiles.read(document);
        lockfile.sbom();
        lockfile.purlLines();
    }

    /** A go.mod that states Go 1.16, so the go.sum beside it is read for the modules it leaves out. */
    private static final byte[] GO_MOD_1_16 = "module example.com/fuzz\n\ngo 1.16\n\nrequire golang.org/x/text v0.3.7\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A go.sum, read beside a go.mod that makes it count. */
    private static void goSum(InputDocument document) throws Exception {
        Lockfiles.read(new LockfileDocuments(new InputDocument("go.mod", GO_MOD_1_16), List.of(document))).sbom();

    }

    /** NVD CVE API 2.0, NVD JSON 1.1 and CVE JSON 5 records (gzip by name or by content); both modes, as scans and db build read them. */
    private static void vexXml(InputDocument document) throws Exception {
        byte[] content = document.content();
        if (content.length == 0 || content[0] != '<') {
            byte[] xml = new byte[content.length + 1];
            xml[0] = '<';
            System.arraycopy(content, 0, xml, 1, content.length);
            content = xml;
        }
        VexReaders.read(new InputDocument(document.source(), content));
    }

    private static void nvd(InputDocument document) throws Exception {
        CveRecordLoader.read(List.of(document), LoadOptions.lenient());
        CveRecordLoader.read(List.of(document), LoadOptions.strict());
    }

    /** A previous scan's report is read by the scan itself: an empty scan compared with it. */
    private static void baseline(InputDocument document) throws Exception {
        new ScanUseCase("fuzz").run(new ScanRequest(List.of(), new AdvisoryInput.Documents(List.of(), false), List.of(),
                java.time.Instant.EPOCH).withBaseline(document));
    }

    /** The archive reader works on files: the document is written to one and loaded as osv.dev's all.zip would be. */
    private static void zip(InputDocument document) throws Exception {
        Path zip = Files.createTempFile("fuzz", ".zip");
        try {
            Files.write(zip, document.content());
            AdvisoryLoader.load(List.of(zip), LoadOptions.lenient(), LoadListener.NONE);
        } catch (InputException e) {
            // Named after the temporary file: said under the document's name, as the contract wants.
            throw new InputException(document.source(), e.position(), e.problem(), e);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /**
     * Every in-memory reader in one target: the first byte picks the reader, the rest is the document.
     * CI fuzzes this one target for a minute, so each reader gets a few seconds of coverage-guided
     * fuzzing in one JVM (Jazzer fuzzes one test per JVM, and starting one costs most of a minute).
     */
    @FuzzTest(maxDuration = "60s")
    void anyReader(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Map.Entry<String, Reader> reader = READERS.get((input[0] & 0xFF) % READERS.size());
        contract(reader.getKey(), java.util.Arrays.copyOfRange(input, 1, input.length), reader.getValue());
    }

    @FuzzTest(maxDuration = "10m")
    void cycloneDxJson(byte[] input) {
        contract("bom.cdx.json", input, ReadersFuzzTest::sbom);
    }

    @FuzzTest(maxDuration = "10m")
    void cycloneDxXml(byte[] input) {
        contract("bom.cdx.xml", input, ReadersFuzzTest::sbom);
    }

    @FuzzTest(maxDuration = "10m")
    void spdxJson(byte[] input) {
        contract("doc.spdx.json", input, ReadersFuzzTest::sbom);
    }

    @FuzzTest(maxDuration = "10m")
    void spdxTagValue(byte[] input) {
        contract("doc.spdx", input, ReadersFuzzTest::sbom);
    }

    @FuzzTest(maxDuration = "10m")
    void cbom(byte[] input) {
        contract("cbom.json", input, document -> new CbomReader().read(document));
    }

    @FuzzTest(maxDuration = "10m")
    void osvJson(byte[] input) {
        contract("GHSA-fuzz.json", input, document -> AdvisoryLoader.read(List.of(document), LoadOptions.lenient()));
    }

    @FuzzTest(maxDuration = "10m")
    void osvYaml(byte[] input) {
        contract("GHSA-fuzz.yaml", input, document -> AdvisoryLoader.read(List.of(document), LoadOptions.strict()));
    }

    @FuzzTest(maxDuration = "10m")
    void osvZip(byte[] input) {
        contract("all.zip", input, ReadersFuzzTest::zip);
    }

    @FuzzTest(maxDuration = "10m")
    void kev(byte[] input) {
        contract("kev.json", input, document -> KevReader.read(document.source(), document.content()));
    }

    @FuzzTest(maxDuration = "10m")
    void incidentJson(byte[] input) {
        contract("incident.json", input, INCIDENTS::read);
    }

    @FuzzTest(maxDuration = "10m")
    void incidentYaml(byte[] input) {
        contract("incident.yaml", input, INCIDENTS::read);
    }

    @FuzzTest(maxDuration = "10m")
    void scenario(byte[] input) {
        contract("scenario.yaml", input, SCENARIOS::read);
    }

    @FuzzTest(maxDuration = "10m")
    void productProfile(byte[] input) {
        contract("product.yaml", input, ProductProfileReader::read);
    }

    @FuzzTest(maxDuration = "10m")
    void nvdJson(byte[] input) {
        contract("CVE-fuzz.json", input, ReadersFuzzTest::nvd);
    }

    @FuzzTest(maxDuration = "10m")
    void nvdGzip(byte[] input) {
        contract("nvdcve-2.0-fuzz.json.gz", input, ReadersFuzzTest::nvd);
    }

    @FuzzTest(maxDuration = "10m")
    void epss(byte[] input) {
        contract("epss.csv.gz", input, document -> EpssReader.read(document.source(), document.content()));
    }

    @FuzzTest(maxDuration = "10m")
    void ignoreFile(byte[] input) {
        contract(".tandem-ignore.yaml", input, IgnoreFile::read);
    }

    @FuzzTest(maxDuration = "10m")
    void feedsFile(byte[] input) {
        contract("tandem-feeds.yaml", input, document -> FeedsFile.read(document, null));
    }

    @FuzzTest(maxDuration = "10m")
    void baseline(byte[] input) {
        contract("baseline.json", input, ReadersFuzzTest::baseline);
    }

    @FuzzTest(maxDuration = "10m")
    void packageLock(byte[] input) {
        contract("package-lock.json", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void yarnLock(byte[] input) {
        contract("yarn.lock", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void pnpmLock(byte[] input) {
        contract("pnpm-lock.yaml", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void cargoLock(byte[] input) {
        contract("Cargo.lock", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void goMod(byte[] input) {
        contract("go.mod", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void goSum(byte[] input) {
        contract("go.sum", input, ReadersFuzzTest::goSum);
    }

    @FuzzTest(maxDuration = "10m")
    void poetryLock(byte[] input) {
        contract("poetry.lock", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void uvLock(byte[] input) {
        contract("uv.lock", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void requirements(byte[] input) {
        contract("requirements.txt", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void composerLock(byte[] input) {
        contract("composer.lock", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void gemfileLock(byte[] input) {
        contract("Gemfile.lock", input, ReadersFuzzTest::lockfile);
    }

    /** Named so that only the content says what it is, as a saved {@code mvn dependency:list} log usually is. */
    @FuzzTest(maxDuration = "10m")
    void mavenDependencyList(byte[] input) {
        contract("dependency-list.txt", input, ReadersFuzzTest::lockfile);
    }

    @FuzzTest(maxDuration = "10m")
    void snapshot(byte[] input) {
        contract("advisories.tdb", input, document -> Snapshot.of(document.source(), document.content()).index());
    }

    /** VEX of any format (CSAF, CycloneDX, OpenVEX, in-toto and DSSE wrapped), told from the content. */
    @FuzzTest(maxDuration = "10m")
    void vex(byte[] input) {
        contract("vex.json", input, VexReaders::read);
    }

    /** Triage decisions, YAML or JSON (told from the first character). */
    @FuzzTest(maxDuration = "10m")
    void vexXml(byte[] input) {
        contract("vex.cdx.xml", input, ReadersFuzzTest::vexXml);
    }

    @FuzzTest(maxDuration = "10m")
    void decisions(byte[] input) {
        contract("decisions.yaml", input, DecisionsReader::read);
    }
}
