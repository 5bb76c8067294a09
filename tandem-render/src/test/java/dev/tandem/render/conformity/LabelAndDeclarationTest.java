package dev.tandem.render.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.tandem.input.InputDocument;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.conformity.AttestationRequest;
import dev.tandem.usecase.conformity.AttestationResult;
import dev.tandem.usecase.conformity.AttestationUseCase;
import dev.tandem.usecase.conformity.DeclarationRequest;
import dev.tandem.usecase.conformity.DeclarationResult;
import dev.tandem.usecase.conformity.DeclarationUseCase;
import dev.tandem.usecase.conformity.LabelRequest;
import dev.tandem.usecase.conformity.LabelResult;
import dev.tandem.usecase.conformity.LabelUseCase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The label's drawings carry a QR code that decodes to the registry URL; declarations escape what they print. */
class LabelAndDeclarationTest {

    private static final Path EXAMPLE = Path.of("../examples/products/smart-camera.yaml");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static LabelResult label(InputDocument profile) throws Exception {
        return new LabelUseCase(KnowledgeBase.bundled()).run(LabelRequest.of(profile));
    }

    private static LabelResult example() throws Exception {
        return label(InputDocument.read(EXAMPLE));
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void thePngQrCodeDecodesToTheRegistryUrl() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        new LabelPng().write(example(), png);
        assertThat(png.toByteArray()).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(decode(image)).isEqualTo("https://registry.lumen-devices.example/usctm/lhc2");
    }

    @Test
    void theSvgQrCodeDecodesToTheRegistryUrl() throws Exception {
        // Rasterise the SVG's module squares as a viewer would, then read them back with ZXing: this
        // checks the positions of the modules, not only their number.
        Matcher squares = Pattern.compile("M(\\d+) (\\d+)h6v6h-6z").matcher(new LabelSvg().text(example()));
        BufferedImage image = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        int drawn = 0;
        while (squares.find()) {
            g.fillRect(Integer.parseInt(squares.group(1)), Integer.parseInt(squares.group(2)), 6, 6);
            drawn++;
        }
        g.dispose();
        assertThat(drawn).isGreaterThan(100);
        assertThat(decode(image)).isEqualTo("https://registry.lumen-devices.example/usctm/lhc2");
    }

    @Test
    void theSvgCarriesTheTextAndOneSquarePerDarkModule() throws Exception {
        LabelResult label = example();
        String svg = new LabelSvg().text(label);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains(">US Cyber Trust Mark</text>")
                .contains("Security updates until 2033-12-31")
                .contains("<a href=\"https://registry.lumen-devices.example/usctm/lhc2\">")
                .doesNotContain("Catalog:");
        var matrix = QrCode.encode(label.label().qrUrl());
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        Matcher squares = Pattern.compile("M\\d+ \\d+h6v6h-6z").matcher(svg);
        int count = 0;
        while (squares.find()) {
            count++;
        }
        assertThat(count).isEqualTo(dark).isPositive();
    }

    @Test
    void theTextLabelEndsWithTheUrlAndTheCatalog() throws Exception {
        LabelResult label = example();
        assertThat(new LabelText().text(label)).startsWith("US Cyber Trust Mark\n")
                .contains("\nhttps://registry.lumen-devices.example/usctm/lhc2\n")
                .endsWith("\nCatalog: " + label.fingerprint().label() + "\n");
    }

    @Test
    void hostileTextIsEscapedInSvgMarkdownAndHtml() throws Exception {
        InputDocument hostile = InputDocument.of("p.yaml", """
                product: "<script>alert(1)</script> & *cam*"
                manufacturer: {name: "Evil | Corp"}
                us: {registryUrl: "https://example.org/?a=1&b=<x>"}
                """);
        assertThat(new LabelSvg().text(label(hostile))).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("a=1&amp;b=&lt;x&gt;");
        DeclarationResult declaration = new DeclarationUseCase(KnowledgeBase.bundled())
                .run(DeclarationRequest.of(hostile, Map.of(), DAY));
        assertThat(ConformityFormats.DECLARATION.find("html").map(r -> ((dev.tandem.render.TextRenderer<DeclarationResult>) r)
                .text(declaration)).orElseThrow()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        assertThat(new ProfileDocumentMarkdown<DeclarationResult>().text(declaration)).doesNotContain("<script>").contains("\\*cam\\*");
    }

    @Test
    void theDeclarationHasTheAnnexVItemsAndTheChecklists() throws Exception {
        DeclarationResult declaration = new DeclarationUseCase(KnowledgeBase.bundled()).run(DeclarationRequest.of(
                InputDocument.read(EXAMPLE), Map.of("smart-camera.cdx.json",
                        InputDocument.read(EXAMPLE.resolveSibling("smart-camera.cdx.json"))), DAY));
        String md = new ProfileDocumentMarkdown<DeclarationResult>().text(declaration);
        assertThat(md).contains("# EU declaration of conformity (DRAFT): Lumen HomeCam 2")
                .contains("## 2. Manufacturer").contains("Beispielstrasse 12")
                .contains("issued under the sole responsibility of the manufacturer")
                .contains("Notified body: Example Notified Body GmbH, number 0000")
                .contains("## Technical documentation checklist (Annex VII)")
                .contains("| CRA-AVII-6 |").contains("| partial |")
                .contains("| CRA-AVII-5 |")
                .contains("## User information checklist (Annex II)")
                // The example still has two partial Annex I items: the draft says not to sign.
                .contains("Do not sign: the assessment shows 2 Annex I requirement(s)")
                .endsWith("\n\n_Catalog: " + declaration.fingerprint().label() + "_\n");
        // Where it comes from, as the HTML header says it: the profile and the SBOM with their true SHA-256.
        assertThat(md).startsWith("# EU declaration of conformity (DRAFT): Lumen HomeCam 2\n\n## Where this document comes from\n\n")
                .contains("- Generated: not recorded\n").contains("- Evaluated as of: 2026-12-01\n")
                .contains("- Produced by: Tandem " + declaration.provenance().tandemVersion() + "\n")
                .contains("- Knowledge base: catalog " + declaration.fingerprint().version() + " (bundled with Tandem), SHA-256 `"
                        + declaration.fingerprint().sha256() + "`\n")
                .contains("| File | Role | SHA-256 | Bytes |\n")
                .contains("| " + EXAMPLE.toString().replace("_", "\\_") + " | product profile | " + sha256(EXAMPLE) + " | ")
                .contains("| smart-camera.cdx.json | SBOM referenced by the profile | " + sha256(EXAMPLE.resolveSibling("smart-camera.cdx.json")) + " | ");
        assertThat(md.lines().filter(l -> l.startsWith("| CRA-AVII-"))).hasSize(8);
        assertThat(md.lines().filter(l -> l.startsWith("| CRA-AII-"))).hasSize(14);
        String html = new dev.tandem.render.html.PageRenderer<>(DeclarationPage::of).text(declaration);
        assertThat(html).contains("class=\"watermark\"").contains(declaration.fingerprint().sha256())
                .contains("<th scope=\"row\">Postal address</th>").contains("Beispielstrasse 12")
                .contains("given in the profile</span>");
    }

    @Test
    void theAttestationNamesEachSectionOnceGivesSectionTwoItsStatusesAndSaysWhereItComesFrom() throws Exception {
        Path camera = EXAMPLE.resolveSibling("ai-camera.yaml");
        AttestationResult attestation = new AttestationUseCase(KnowledgeBase.bundled()).run(AttestationRequest.of(
                InputDocument.read(camera), Map.of(), DAY));
        String html = new dev.tandem.render.html.PageRenderer<>(AttestationPage::of).text(attestation);
        for (String title : java.util.List.of("Section I: Software", "Section II: Software producer", "Section III: Attestation")) {
            assertThat(html.split(Pattern.quote(title), -1)).as(title).hasSize(3); // the contents entry and the heading
            assertThat(html).contains("<h2>" + title + "</h2>");
        }
        assertThat(html).contains("<caption>The producer's fields of the form, as drafted</caption>")
                .contains("<td>Phone</td><td>(not given in the product profile)</td><td><span class=\"badge tone-warn\">");
        String md = new ProfileDocumentMarkdown<AttestationResult>().text(attestation);
        assertThat(md).contains("## Where this document comes from").contains("| " + camera.toString().replace("_", "\\_")
                + " | product profile | " + sha256(camera) + " | ")
                .contains("| ATT-S2-producer | Company name | Lumen Devices GmbH | given in the profile | manufacturer.name |");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
    }

    @Test
    void aDraftForAProductThatIsNotEligibleIsMarkedInEveryFormat() throws Exception {
        LabelResult draft = new LabelUseCase(KnowledgeBase.bundled()).run(new LabelRequest(
                dev.tandem.usecase.conformity.ProfileInput.of(InputDocument.read(Path.of("../examples/products/smart-plug.yaml"))), true));
        assertThat(draft.label().banner()).startsWith("NOT ELIGIBLE");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new LabelSvg().write(draft, svg);
        assertThat(svg.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("NOT ELIGIBLE - DRAFT")
                .contains("stroke=\"#c00000\"").contains("<title>NOT ELIGIBLE FOR THE US CYBER TRUST MARK");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new LabelText().write(draft, text);
        assertThat(text.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("*** NOT ELIGIBLE");
        // The PNG is crossed out: the band across the middle is dark where an eligible label is white.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        new LabelPng().write(draft, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(image.getRGB(2, image.getHeight() / 2) & 0xff).isLessThan(128);
    }

    @Test
    void contradictionsAreShownInEveryAssessmentFormat() throws Exception {
        var result = new dev.tandem.usecase.conformity.AssessUseCase(KnowledgeBase.bundled()).run(
                dev.tandem.usecase.conformity.AssessRequest.of(InputDocument.of("p.yaml", """
                        product: X
                        manufacturer: M
                        craCategory: none
                        evidence:
                          cra-annex-i: {CRA-I-2g: {status: met}}
                          etsi-en-303-645: {6-4: {status: not met, justification: full history kept}}
                        """), Map.of(), DAY));
        assertThat(result.assessment().contradictions()).hasSize(1);
        for (String format : java.util.List.of("table", "md", "html", "json")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ConformityFormats.ASSESSMENT.find(format).orElseThrow().write(result, out);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as(format)
                    .containsIgnoringCase("contradiction").contains("cra-annex-i--etsi-en-303-645#CRA-I-2g");
        }
    }
}
