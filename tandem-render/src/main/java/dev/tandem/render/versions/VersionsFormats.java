package dev.tandem.render.versions;

import dev.tandem.render.Formats;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.scan.VersionCompareResult;
import dev.tandem.usecase.scan.VersionSortResult;

/**
 * The outputs of the versions use cases, plain text made for scripts: a comparison is one line
 * ({@code <}, {@code =} or {@code >}), a sort one version per line.
 */
public final class VersionsFormats {

    private static final Formats<VersionCompareResult> COMPARE = Formats.<VersionCompareResult>builder()
            .add("text", TextRenderer.of("text/plain", (result, out) -> out.println(result.symbol())))
            .build();
    private static final Formats<VersionSortResult> SORT = Formats.<VersionSortResult>builder()
            .add("text", TextRenderer.of("text/plain", (result, out) -> result.versions().forEach(out::println)))
            .build();

    private VersionsFormats() {
    }

    public static Formats<VersionCompareResult> compare() {
        return COMPARE;
    }

    public static Formats<VersionSortResult> sort() {
        return SORT;
    }
}
