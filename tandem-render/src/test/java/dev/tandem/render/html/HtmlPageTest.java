package dev.tandem.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.Confidence;
import dev.tandem.input.InputDocument;
import dev.tandem.usecase.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The design system on a hand-built page: well-formed, escaped, self-contained HTML, and a PDF/A with embedded fonts. */
class HtmlPageTest {

    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" ]]> <!--";
    static final Instant T0 = Instant.parse("2026-11-21T23:30:00Z");

    static Page page() {
        Provenance provenance = Provenance.of(Instant.parse("2026-11-22T08:00:00Z"), "2026-11-22T06:00:00Z",
                new CatalogFingerprint("2026.12.0", "a".repeat(64), "bundled"),
                List.of(Provenance.Input.of("SBOM", InputDocument.of("sboms/" + HOSTILE + ".json", "{}")),
                        Provenance.Input.named("advisories", "advisories/")));
        Timeline timeline = new Timeline("The first 72 hours", T0, T0.plus(Duration.ofHours(72)),
                Timeline.ticks(T0, T0.plus(Duration.ofHours(72))),
                List.of(new Timeline.LaneGroup("In force", true, List.of(new Timeline.Lane(Text.of("CRA early warning"),
                                List.of(new Timeline.Marker(T0, Timeline.Shape.EVENT, "aware", "2026-11-21T23:30Z"),
                                        new Timeline.Marker(T0.plus(Duration.ofHours(24)), Timeline.Shape.MET, "due 24 h", ""))))),
                        new Timeline.LaneGroup("Not in force", false, List.of(new Timeline.Lane(Text.of(HOSTILE),
                                List.of(new Timeline.Marker(T0.plus(Duration.ofDays(30)), Timeline.Shape.OPEN, "final", "")))))),
                T0.plus(Duration.ofHours(30)), "now");
        return new Page("Test document", "Title " + HOSTILE, Text.of("Summary ").strong("bold").link("law", "https://eur-lex.europa.eu/"),
                "not reviewed " + HOSTILE, provenance, List.of(
                Section.of("Facts", new Block.Facts("Product", List.of(new Block.Fact("Name", Text.of(HOSTILE)))),
                        new Block.Notice(Tone.BAD, "Do not sign", Text.of(HOSTILE)),
                        new Block.Figures("Severity", List.of(new Block.Figure("1", "critical", Tone.BAD)))),
                Section.of("Table", new Block.Table("Findings", List.of(Block.Column.of("Id"), Block.Column.narrow("Status")),
                        List.of(new Block.Row(List.of(Text.ofCode("CVE-1"), Text.ofBadge(Tone.BAD, "known exploited")), Tone.BAD),
                                Block.Row.of(Text.of(HOSTILE).link("javascript link", "javascript:alert(1)"), Text.of("x"))), true, null)),
                Section.of("Chart", new Block.Chart(timeline)).inLandscape()),
                Legends.confidence(List.of(Confidence.VERIFIED, Confidence.UNCONFIRMED)));
    }

    @Test
    void writesWellFormedEscapedSelfContainedHtml() throws Exception {
        String html = HtmlPage.render(page());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document dom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:").doesNotContain("<link")
                .contains("&lt;script&gt;").contains("<th scope=\"col\"").contains("<th scope=\"row\"")
                .contains("class=\"watermark\"").contains("<thead>")
                .contains("a".repeat(64)).contains("Checked against the official text");
        assertThat(dom.getElementsByTagName("table").getLength()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void webAndEmailAddressesInPlainTextBecomeLinksAndNothingElseDoes() {
        Text text = Text.empty().plainWithLinks("CVD: https://example.test/security/cvd, psirt@example.test (see"
                + " https://example.test/a_b?c=1). Not: mailto-less user@localhost, ftp://example.test/x, evidence/cra-annex-i/2.");
        assertThat(text.parts()).containsExactly(
                new Inline.Plain("CVD: "),
                new Inline.Link("https://example.test/security/cvd", "https://example.test/security/cvd"),
                new Inline.Plain(", "),
                new Inline.Link("psirt@example.test", "mailto:psirt@example.test"),
                new Inline.Plain(" (see "),
                new Inline.Link("https://example.test/a_b?c=1", "https://example.test/a_b?c=1"),
                new Inline.Plain("). Not: mailto-less user@localhost, ftp://example.test/x, evidence/cra-annex-i/2."));
        assertThat(text.plainText()).startsWith("CVD: https://example.test/security/cvd, psirt@example.test (see");
        assertThat(Text.empty().plainWithLinks("Beispielstrasse 12, 10115 Berlin").parts())
                .containsExactly(new Inline.Plain("Beispielstrasse 12, 10115 Berlin"));
        assertThat(Text.empty().plainWithLinks(null).isEmpty()).isTrue();
    }

    /**
     * Where a web address ends, as GitHub's autolinker decides (GFM spec, "extended autolink path
     * validation", examples 625-629 in spirit): a parenthesis or bracket closing one opened inside the address
     * belongs to it, one closing the text around it does not, nor does trailing punctuation.
     */
    @Test
    void aClosingParenthesisBelongsToAnAddressOnlyWhenItClosesOneOpenedInIt() {
        String wiki = "https://en.wikipedia.org/wiki/Foo_(bar)";
        assertThat(linked(wiki)).containsExactly(wiki);
        assertThat(linked("See " + wiki + ".")).containsExactly(wiki);
        assertThat(linked("See " + wiki + ", " + wiki + "; and " + wiki + ".")).containsExactly(wiki, wiki, wiki);
        assertThat(linked("(see " + wiki + ")")).containsExactly(wiki);
        assertThat(linked("(see " + wiki + ").")).containsExactly(wiki);
        assertThat(linked("(see https://x.y/z)")).containsExactly("https://x.y/z");
        assertThat(linked("(see https://x.y/z).")).containsExactly("https://x.y/z");
        assertThat(linked("(see https://x.y/z),")).containsExactly("https://x.y/z");
        assertThat(linked("(see https://x.y/z);")).containsExactly("https://x.y/z");
        assertThat(linked("(see https://x.y/z.)")).containsExactly("https://x.y/z");
        assertThat(linked("https://x.y/search?q=Markup+(business)))")).containsExactly("https://x.y/search?q=Markup+(business)");
        assertThat(linked("https://x.y/search?q=(business))+ok")).containsExactly("https://x.y/search?q=(business))+ok");
        assertThat(linked("[https://x.y/list[1]]")).containsExactly("https://x.y/list[1]");
        assertThat(linked("https://x.y/a_(b)_c)")).containsExactly("https://x.y/a_(b)_c");
        assertThat(linked("https://x.y/?a=1!")).containsExactly("https://x.y/?a=1");
        assertThat(linked("'https://x.y/z' or \"https://x.y/w\"")).containsExactly("https://x.y/z", "https://x.y/w");
        assertThat(linked("http://). https://, https://.)")).isEmpty();

        // The words around keep every character: nothing is lost between the link and the text after it.
        String sentence = "Report (via https://x.y/form_(v2)), or mail psirt@example.test.";
        Text text = Text.empty().plainWithLinks(sentence);
        assertThat(text.plainText()).isEqualTo(sentence);
        assertThat(text.parts()).containsExactly(new Inline.Plain("Report (via "),
                new Inline.Link("https://x.y/form_(v2)", "https://x.y/form_(v2)"), new Inline.Plain("), or mail "),
                new Inline.Link("psirt@example.test", "mailto:psirt@example.test"), new Inline.Plain("."));
    }

    /** The link targets {@link Text#plainWithLinks} finds in {@code text}, in order. */
    private static List<String> linked(String text) {
        Text found = Text.empty().plainWithLinks(text);
        assertThat(found.plainText()).as("no character lost").isEqualTo(text);
        return found.parts().stream().filter(Inline.Link.class::isInstance).map(p -> ((Inline.Link) p).href()).toList();
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> new Block.Table("t", List.of(Block.Column.of("a"), Block.Column.of("b")),
                List.of(Block.Row.of(Text.of("only one"))), false, null)).hasMessageContaining("1 cells for 2 columns");
    }

    @Test
    void printsAPdfAWithEmbeddedFontsAndTheSameText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfPage.write(page(), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Where this document comes from").contains("Do not sign").containsPattern("known\\s+exploited")
                    .contains("CRA early warning").contains("<script>alert('x')</script>");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(pdf.getDocumentCatalog().getMetadata()).as("XMP metadata of a PDF/A").isNotNull();
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part").contains("3");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
        }
    }
}
