package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.declaration.DeclarationWriter;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.conformity.declaration.HtmlRenderer;
import dev.tandem.conformity.declaration.MarkdownRenderer;
import dev.tandem.conformity.label.Label;
import dev.tandem.conformity.label.LabelWriter;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LabelAndDeclarationTest {

    private static final ConformityKnowledgeBase KB = ConformityKnowledgeBase.bundled();

    private static ProductProfile example() throws InputException {
        return ProductProfileReader.read(ProductProfileReaderTest.EXAMPLE);
    }

    @Test
    void thePngQrCodeDecodesToTheRegistryUrl() throws Exception {
        Label label = LabelWriter.write(example());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(label.png()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("https://registry.lumen-devices.example/usctm/lhc2");
    }

    @Test
    void theSvgQrCodeDecodesToTheRegistryUrl() throws Exception {
        // Rasterise the SVG's module squares as a viewer would, then read them back with ZXing: this
        // checks the positions of the modules, not only their number.
        Label label = LabelWriter.write(example());
        Matcher squares = Pattern.compile("M(\\d+) (\\d+)h6v6h-6z").matcher(label.svg());
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
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("https://registry.lumen-devices.example/usctm/lhc2");
    }

    @Test
    void theSvgCarriesTheTextAndOneSquarePerDarkModule() throws Exception {
        Label label = LabelWriter.write(example());
        assertThat(label.svg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains(">US Cyber Trust Mark</text>")
                .contains("Security updates until 2033-12-31")
                .contains("<a href=\"https://registry.lumen-devices.example/usctm/lhc2\">");
        var matrix = com.google.zxing.qrcode.QRCodeWriter.class.getDeclaredConstructor().newInstance()
                .encode(label.qrUrl(), com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                        java.util.Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                                com.google.zxing.EncodeHintType.MARGIN, 4,
                                com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        Matcher squares = Pattern.compile("M\\d+ \\d+h6v6h-6z").matcher(label.svg());
        int count = 0;
        while (squares.find()) {
            count++;
        }
        assertThat(count).isEqualTo(dark).isPositive();
    }

    @Test
    void hostileTextIsEscapedInSvgMarkdownAndHtml() throws Exception {
        ProductProfile p = ProductProfileReader.read("p.yaml", """
                product: "<script>alert(1)</script> & *cam*"
                manufacturer: {name: "Evil | Corp"}
                us: {registryUrl: "https://example.org/?a=1&b=<x>"}
                """, false);
        Label label = LabelWriter.write(p);
        assertThat(label.svg()).doesNotContain("<script>").contains("&lt;script&gt;").contains("a=1&amp;b=&lt;x&gt;");
        Assessment a = new Assessor(KB).assess(p, Path.of("."));
        Document doc = new DeclarationWriter(KB).write(p, a);
        assertThat(HtmlRenderer.render(doc)).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        assertThat(MarkdownRenderer.render(doc)).doesNotContain("<script>").contains("\\*cam\\*");
    }

    @Test
    void aLabelNeedsTheRegistryUrl() throws Exception {
        ProductProfile p = ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\n", false);
        assertThatThrownBy(() -> LabelWriter.write(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("at /us/registryUrl");
    }

    @Test
    void theDeclarationHasTheAnnexVItemsAndTheChecklists() throws Exception {
        ProductProfile p = example();
        Assessment a = new Assessor(KB).assess(p, ProductProfileReaderTest.EXAMPLE.toAbsolutePath().getParent());
        String md = MarkdownRenderer.render(new DeclarationWriter(KB).write(p, a));
        assertThat(md).contains("# EU declaration of conformity (DRAFT): Lumen HomeCam 2")
                .contains("## 2. Manufacturer").contains("Beispielstrasse 12")
                .contains("issued under the sole responsibility of the manufacturer")
                .contains("Notified body: Example Notified Body GmbH, number 0000")
                .contains("## Technical documentation checklist (Annex VII)")
                .contains("| CRA-AVII-6 |").contains("| partial |")
                .contains("| CRA-AVII-5 |")
                .contains("## User information checklist (Annex II)")
                // The example still has two partial Annex I items: the draft says not to sign.
                .contains("Do not sign: the assessment shows 2 Annex I requirement(s)");
        assertThat(md.lines().filter(l -> l.startsWith("| CRA-AVII-"))).hasSize(8);
        assertThat(md.lines().filter(l -> l.startsWith("| CRA-AII-"))).hasSize(14);
    }
}
