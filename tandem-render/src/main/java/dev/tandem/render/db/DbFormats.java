package dev.tandem.render.db;

import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.scan.DbBuildResult;
import dev.tandem.usecase.scan.DbInfoResult;

/** The outputs of the snapshot use cases: a snapshot's description (text, the default, or json), the file, the build and refresh summaries. */
public final class DbFormats {

    private static final Formats<DbInfoResult> INFO = Formats.<DbInfoResult>builder()
            .add("text", new InfoTextRenderer())
            .add("json", new InfoJsonRenderer())
            .build();
    private static final Renderer<DbBuildResult> SNAPSHOT_FILE = new SnapshotFileRenderer();
    private static final TextRenderer<WrittenSnapshot> BUILD_SUMMARY = new BuildSummaryRenderer();
    private static final TextRenderer<UpdatedSnapshot> UPDATE_SUMMARY = new UpdateSummaryRenderer();

    private DbFormats() {
    }

    /** A snapshot's description: text for terminals, json for scripts. */
    public static Formats<DbInfoResult> info() {
        return INFO;
    }

    /** The built snapshot file, byte for byte. */
    public static Renderer<DbBuildResult> snapshotFile() {
        return SNAPSHOT_FILE;
    }

    /** The summary of a build whose snapshot was stored. */
    public static TextRenderer<WrittenSnapshot> buildSummary() {
        return BUILD_SUMMARY;
    }

    /** The summary of a refresh: the feeds, then the snapshot written or found current. */
    public static TextRenderer<UpdatedSnapshot> updateSummary() {
        return UPDATE_SUMMARY;
    }
}
