package dev.tandem.cli.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The structure of every HTML document, without a browser: well-formed (the PDF renderer reads the same
 * markup as XML), self-contained, in English, every header cell scoped, every table captioned, the
 * provenance header with the Tandem and catalog versions and each input's true SHA-256, and none of the
 * catalog's internal wording.
 */
class HtmlDocumentsTest {

    private static final Pattern LOADS = Pattern.compile(
            "(?i)<script|<link\\b|<iframe|<object|<embed|@import|url\\(|\\bsrc\\s*=");
    private static final Pattern INPUT_ROW = Pattern.compile(
            "<tr><th scope=\"row\"><code>([^<]+)</code></th><td>[^<]*</td><td><code class=\"hash\">([0-9a-f]{64})</code></td>");

    static Iterable<Documents> documents() {
        return Documents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isAWellFormedSelfContainedDocumentThatSaysWhereItComesFrom(Documents document) throws Exception {
        String html = Files.readString(document.html(), StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document dom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(LOADS.matcher(html).find()).as("loads nothing from elsewhere").isFalse();
        NodeList headers = dom.getElementsByTagName("th");
        for (int i = 0; i < headers.getLength(); i++) {
            assertThat(((Element) headers.item(i)).getAttribute("scope")).as("th %s", headers.item(i).getTextContent()).isNotEmpty();
        }
        NodeList tables = dom.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            assertThat(((Element) tables.item(i)).getElementsByTagName("caption").getLength()).isPositive();
        }
        assertThat(html).contains("Where this document comes from").contains("<th scope=\"row\">Generated</th>")
                .contains("<th scope=\"row\">Produced by</th>").contains("<thead>")
                .contains("@bottom-right{").contains("counter(pages)")
                .doesNotContainPattern("(?i)research note|reference §|\\bresearch\\b");
        if (!document.name().startsWith("scan")) {
            assertThat(html).contains("<th scope=\"row\">Knowledge base</th>").containsPattern("SHA-256 </span><code class=\"hash\">[0-9a-f]{64}</code>");
        }
        Matcher input = INPUT_ROW.matcher(html);
        int inputs = 0;
        while (input.find()) {
            inputs++;
            Path file = Path.of(input.group(1));
            if (!Files.exists(file)) {
                file = Path.of("../examples/products").resolve(input.group(1));
            }
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                    .as("SHA-256 of %s", input.group(1)).isEqualTo(input.group(2));
        }
        if (!document.name().startsWith("catalog") && !document.name().startsWith("crosswalk") && !document.name().startsWith("frameworks")) {
            assertThat(inputs).as("inputs with their hashes").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void legalReferencesAreLinksToTheOfficialText(Documents document) throws IOException {
        String html = Files.readString(document.html(), StandardCharsets.UTF_8);
        if (document.name().startsWith("obligations") || document.name().startsWith("report") || document.name().startsWith("frameworks")) {
            assertThat(html).containsPattern("<a href=\"https://(eur-lex\\.europa\\.eu|www\\.ecfr\\.gov|www\\.law\\.cornell\\.edu|"
                    + "www\\.federalregister\\.gov)[^\"]*\">[^<]*(Art|CFR|§|NYCRR)");
        }
    }
}
