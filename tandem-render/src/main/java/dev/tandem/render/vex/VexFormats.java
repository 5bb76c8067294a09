package dev.tandem.render.vex;

import dev.tandem.csaf.CsafJson;
import dev.tandem.render.Formats;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.usecase.vex.AdvisoryResult;
import dev.tandem.usecase.vex.ProviderResult;
import dev.tandem.usecase.vex.SecurityTxtResult;
import dev.tandem.usecase.vex.UserNoticeResult;
import dev.tandem.usecase.vex.VexResult;

/** The output formats of the advisories-and-VEX results. */
public final class VexFormats {

    private static final Formats<AdvisoryResult> ADVISORY = Formats.<AdvisoryResult>builder()
            .add("csaf", new CsafRenderer())
            .build();

    private static final Formats<VexResult> VEX = Formats.<VexResult>builder()
            .add("cyclonedx", new CycloneDxVexRenderer())
            .add("openvex", new OpenVexRenderer())
            .build();

    private static final Formats<ProviderResult> PROVIDER = Formats.<ProviderResult>builder()
            .add("text", new ProviderSummary())
            .build();

    private static final Formats<UserNoticeResult> NOTICE = Formats.<UserNoticeResult>builder()
            .add("csaf", TextRenderer.of("application/json", (result, out) -> out.print(CsafJson.text(result.advisory().document()))))
            .add("html", new PageRenderer<>(UserNoticePage::of))
            .build();

    private static final Formats<SecurityTxtResult> SECURITY_TXT = Formats.<SecurityTxtResult>builder()
            .add("text", TextRenderer.of("text/plain; charset=utf-8", (result, out) -> out.print(result.text())))
            .build();

    private VexFormats() {
    }

    /** A CSAF advisory: its JSON. */
    public static Formats<AdvisoryResult> advisory() {
        return ADVISORY;
    }

    /** VEX: CycloneDX 1.6 (the default) or OpenVEX 0.2.0. */
    public static Formats<VexResult> vex() {
        return VEX;
    }

    /** What a provider run wrote, as text. */
    public static Formats<ProviderResult> provider() {
        return PROVIDER;
    }

    /** The CRA Art. 14(8) user notice: its CSAF document (the default) or a page for people. */
    public static Formats<UserNoticeResult> notice() {
        return NOTICE;
    }

    /** security.txt, exactly as the use case wrote (and signed) it. */
    public static Formats<SecurityTxtResult> securityTxt() {
        return SECURITY_TXT;
    }
}
