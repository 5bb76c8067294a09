package dev.tandem.cli.scan;

import dev.tandem.match.MatchResult;
import java.io.PrintWriter;

/** Writes one scan result in one output format. */
public interface ScanRenderer {
    void render(MatchResult result, ScanContext context, PrintWriter out);
}
