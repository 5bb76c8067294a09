package dev.tandem.conformity.label;

import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the US Cyber Trust Mark label draft says: a title line, the product, the manufacturer, the
 * support end date, and the URL of the registry entry its QR code encodes. Drawing it (SVG, PNG) is
 * a renderer's job. The official mark artwork is the FCC's and is not reproduced
 * (docs/commands/label.md). {@code banner} is null, or the "not eligible" text of a draft for a product
 * whose assessment shows a NIST IR 8425 outcome not met.
 */
public record Label(List<String> lines, String qrUrl, String banner) {

    public Label {
        lines = List.copyOf(lines);
    }

    /** The same label marked with a "not eligible" banner, drawn across it by every renderer. */
    public Label withBanner(String text) {
        return new Label(lines, qrUrl, text);
    }

    /** The label of a profile; the QR code needs {@code us.registryUrl}, so a profile without it is refused. */
    public static Label of(ProductProfile profile) throws InputException {
        if (profile.us() == null || profile.us().registryUrl() == null) {
            throw new InputException(profile.source(), InputPosition.pointer("/us/registryUrl"),
                    "the label's QR code needs us.registryUrl, the public registry entry of the product");
        }
        List<String> lines = new ArrayList<>();
        lines.add("US Cyber Trust Mark");
        lines.add(profile.product() + (profile.model() == null ? "" : " (" + profile.model() + ")"));
        lines.add(profile.manufacturer().name());
        if (profile.supportPeriod() != null && profile.supportPeriod().end() != null) {
            lines.add("Security updates until " + profile.supportPeriod().end());
        }
        lines.add("Scan for product security details");
        return new Label(lines, profile.us().registryUrl(), null);
    }
}
