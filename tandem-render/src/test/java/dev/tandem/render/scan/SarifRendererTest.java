package dev.tandem.render.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SBOM locations SARIF writes, worked out from the path text alone. */
class SarifRendererTest {

    @Test
    void urisOfRelativePathsStayRelativeAndAreEncoded() {
        assertThat(SarifRenderer.uri("sboms/my product#2.cdx.json")).isEqualTo("sboms/my%20product%232.cdx.json");
        assertThat(SarifRenderer.uri(Path.of("/tmp/a b.json").toString())).isEqualTo("file:///tmp/a%20b.json");
    }

    @Test
    void absoluteUrisAreTheOnesTheJdkGivesForAFile() {
        for (String file : new String[] {"/tmp/my product#2.cdx.json", "/x/ü/100%.json", "/x/[a]{b}|c^d.json", "/x/a;b=c&d+e.json"}) {
            assertThat(SarifRenderer.uri(file)).as(file).isEqualTo(Path.of(file).toUri().toString());
        }
    }
}
