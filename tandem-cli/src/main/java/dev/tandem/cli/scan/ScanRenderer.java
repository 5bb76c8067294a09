package dev.tandem.cli.scan;

import dev.tandem.match.ScanResult;
import java.io.PrintWriter;

/** Writes one scan result in one output format. */
public interface ScanRenderer {
    void render(ScanResult result, ScanContext context, PrintWriter out);
}
