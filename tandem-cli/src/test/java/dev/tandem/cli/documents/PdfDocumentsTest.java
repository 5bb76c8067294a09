package dev.tandem.cli.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Every {@code --format pdf} output, written with {@code --output}: read back by text extraction, it holds
 * the document's required sections, says where it comes from, numbers its pages, embeds every font and
 * declares PDF/A-3, keeps its table cells' words whole as the browser does, and passes veraPDF's PDF/A-3u validation (ISO 19005-3, the official rules, offline);
 * its first pages are kept as PNG under target/documents for review.
 */
class PdfDocumentsTest {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private static final String ROUTER = "../examples/incidents/router-exploited-vulnerability.json";
    private static final String RANSOMWARE = "../examples/incidents/ransomware-energy-operator.yaml";
    private static final String PRODUCT = "../examples/products/smart-camera.yaml";

    static Stream<Arguments> pdfs() {
        return Stream.of(
                Arguments.of("declaration", "declaration --product " + PRODUCT, List.of("EU declaration of conformity", "Lumen HomeCam 2",
                        "2. Manufacturer", "Beispielstrasse 12", "Technical documentation checklist (Annex VII)",
                        "User information checklist (Annex II)", "given in the profile", "DRAFT, not to be signed",
                        // the checklists' obligation column keeps its words whole
                        "mandatory")),
                Arguments.of("attestation", "attestation --product ../examples/products/ai-camera.yaml", List.of(
                        "Secure software development attestation", "Lumen SentryCam AI", "Section I: Software",
                        "Release or publish date", "not determined", "Section III: Attestation", "UNSUPPORTED", "ai-camera.yaml",
                        "DRAFT, not to be signed",
                        // Section II's drafted address keeps its words whole
                        "Beispielstrasse 12,")),
                Arguments.of("assess", "assess --product " + PRODUCT, List.of("Conformity assessment", "Standing in each regime",
                        "Gaps to close", "Justification and evidence", "lhc2-v3.pdf")),
                Arguments.of("report-cra", "report --incident " + ROUTER + " --framework eu-cra-vulnerability --stage notification"
                        + " --at 2026-11-21T12:00:00Z", List.of("Report draft", "Where and when it goes", "Report content",
                        "HX-200 home router", "DRAFT, not to be signed")),
                Arguments.of("report-circia", "report --incident " + RANSOMWARE + " --framework us-circia --stage incident-report"
                        + " --at 2026-11-26T12:00:00Z", List.of("Report draft", "Report content")),
                Arguments.of("compare", "frameworks compare --on 2026-12-01", List.of("Framework comparison", "Timing, fastest to slowest",
                        "Field matrix", "us-hipaa", "Where they align", "Where they diverge")),
                Arguments.of("obligations", "obligations --incident " + RANSOMWARE + " --at 2026-11-26T12:00:00Z", List.of(
                        "Reporting obligations", "Deadline timeline", "The first 72 hours", "Reports owed", "How each deadline was counted",
                        "Not in force on the clock-start date")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdfs")
    void holdsItsSectionsWithEmbeddedFonts(String name, String args, List<String> sections) throws IOException {
        Path file = Documents.OUT.resolve(name + ".pdf");
        CliRun run = CliRun.of((args + " --format pdf --output " + file).split(" "));
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        assertThat(run.out()).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(sections).contains("Where this document comes from").contains("Generated")
                    .contains("Produced by").contains("Page 1 of " + pdf.getNumberOfPages());
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part[^0-9]*3").containsPattern("pdfaid:conformance[^A-Z]*U");
            for (PDPage page : pdf.getPages()) {
                for (var font : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(font);
                    assertThat(f.isEmbedded()).as("%s embeds %s", name, f.getName()).isTrue();
                }
            }
            assertThat(brokenWords(tableWords(args), text)).as("%s: table-cell words not found whole in the PDF's text", name).isEmpty();
            PDFRenderer pages = new PDFRenderer(pdf);
            assertPdfA3u(name, file);
            for (int i = 0; i < Math.min(3, pdf.getNumberOfPages()); i++) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(pages.renderImageWithDPI(i, 60), "png", png);
                Files.write(Documents.OUT.resolve(name + "-pdf-p" + (i + 1) + ".png"), png.toByteArray());
            }
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");

    /**
     * The words of the document's table cells (its HTML format, read as the XML it is), outside links and
     * codes, which may break anywhere, and outside text for screen readers only, which is not drawn: the PDF renderer gets the same whole-words rules as the browser.
     */
    private static Set<String> tableWords(String args) throws IOException {
        CliRun html = CliRun.of((args + " --format html").split(" "));
        assertThat(html.exit()).as(html.err()).isIn(0, 1);
        Document page;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            page = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html.out())));
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("the HTML of " + args + " is not well-formed XML: " + e, e);
        }
        Set<String> words = new TreeSet<>();
        for (String cell : List.of("td", "th")) {
            NodeList cells = page.getElementsByTagName(cell);
            for (int i = 0; i < cells.getLength(); i++) {
                collectWords(cells.item(i), words);
            }
        }
        assertThat(words).as("the table cells of %s hold words", args).isNotEmpty();
        return words;
    }

    private static void collectWords(Node node, Set<String> words) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            WORD.matcher(node.getNodeValue()).results().forEach(m -> words.add(m.group()));
        } else if (node instanceof Element element && !List.of("a", "code").contains(element.getTagName())
                && !List.of(element.getAttribute("class").split(" ")).contains("sr-only")) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                collectWords(child, words);
            }
        }
    }

    /**
     * The words that the extracted text holds only in pieces ("Beispielstras" and "se" on two lines): a word
     * found whole anywhere counts as kept, so a word also written outside the tables is not checked.
     */
    static List<String> brokenWords(Set<String> words, String text) {
        Set<String> tokens = new HashSet<>();
        WORD.matcher(text).results().forEach(m -> tokens.add(m.group()));
        return words.stream().filter(w -> !tokens.contains(w)).toList();
    }

    @Test
    void aWordPrintedInPiecesIsFound() {
        assertThat(brokenWords(new TreeSet<>(Set.of("Beispielstrasse", "mandatory", "12")),
                "Beispielstras\nse 12\nmandatory")).containsExactly("Beispielstrasse");
    }

    /** veraPDF's verdict against the PDF/A-3u profile; a failure names each broken rule (clause, test) and where. */
    private static void assertPdfA3u(String name, Path file) {
        assertThat(pdfA3uViolations(file)).as("%s is PDF/A-3u; veraPDF finds these rules broken", name).isEmpty();
    }

    private static List<String> pdfA3uViolations(Path file) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(file.toFile(), PDFAFlavour.PDFA_3_U);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_U, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage() + " at "
                            + a.getLocationContext()).distinct().limit(20).toList();
            return result.isCompliant() ? List.of() : failed.isEmpty() ? List.of("not compliant") : failed;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate " + file + ": " + e, e);
        }
    }

    @Test
    void theValidatorRefusesAPdfThatIsNotPdfA() throws IOException {
        Path plain = Documents.OUT.resolve("not-pdfa.pdf");
        Files.createDirectories(plain.getParent());
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.save(plain.toFile());
        }
        assertThat(pdfA3uViolations(plain)).isNotEmpty();
    }

    @Test
    void aPdfGoesToARedirectedStandardOutputButNotToATerminal() {
        CliRun piped = CliRun.of("frameworks", "compare", "--frameworks", "eu-nis2,us-sec-8k", "--on", "2026-12-01", "--format", "pdf");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).startsWith("%PDF-");
        String before = System.getProperty("tandem.stdout.tty");
        System.setProperty("tandem.stdout.tty", "true");
        try {
            CliRun terminal = CliRun.of("frameworks", "compare", "--on", "2026-12-01", "--format", "pdf");
            assertThat(terminal.exit()).isEqualTo(2);
            assertThat(terminal.out()).isEmpty();
            assertThat(terminal.err()).contains("the application/pdf output is binary: give --output FILE, or redirect standard output");
        } finally {
            if (before == null) {
                System.clearProperty("tandem.stdout.tty");
            } else {
                System.setProperty("tandem.stdout.tty", before);
            }
        }
    }

    @Test
    void htmlOnlyCommandsOfferNoPdf() {
        CliRun run = CliRun.of("scan", "--sbom", "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json", "--advisories",
                "../examples/advisories", "--format", "pdf");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --format 'pdf'");
    }
}
