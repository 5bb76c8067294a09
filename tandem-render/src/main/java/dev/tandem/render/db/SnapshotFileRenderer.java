package dev.tandem.render.db;

import dev.tandem.render.Renderer;
import dev.tandem.usecase.scan.DbBuildResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/** The built snapshot file itself (docs/formats/snapshot.md), byte for byte. */
final class SnapshotFileRenderer implements Renderer<DbBuildResult> {

    @Override
    public String mediaType() {
        return "application/vnd.tandem.advisory-snapshot";
    }

    @Override
    public void write(DbBuildResult result, OutputStream out) throws IOException {
        // Not closed: closing the channel would close the caller's stream.
        WritableByteChannel channel = Channels.newChannel(out);
        java.nio.ByteBuffer bytes = result.snapshot();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        out.flush();
    }
}
