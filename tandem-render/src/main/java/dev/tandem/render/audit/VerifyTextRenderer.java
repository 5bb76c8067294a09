package dev.tandem.render.audit;

import dev.tandem.audit.ChainBreak;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.audit.AuditVerifyResult;
import java.io.PrintWriter;

/**
 * One line per chain: intact with its entry count and head (to keep as an anchor), or where it
 * breaks and why.
 */
final class VerifyTextRenderer implements TextRenderer<AuditVerifyResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(AuditVerifyResult result, PrintWriter out) {
        long broken = result.chains().stream().filter(c -> c.breakAt().isPresent()).count();
        out.println(result.chains().isEmpty() ? "No audit log to check."
                : result.chains().size() + (result.chains().size() == 1 ? " audit chain" : " audit chains") + " checked: "
                        + (broken == 0 ? "intact" : broken + " broken"));
        for (AuditVerifyResult.ChainCheck chain : result.chains()) {
            if (chain.breakAt().isPresent()) {
                ChainBreak at = chain.breakAt().get();
                out.println("  " + chain.organisation() + ": BROKEN at entry " + at.seq() + ": " + at.reason()
                        + " (" + chain.entries() + " entries read from " + chain.source() + ")");
            } else {
                out.println("  " + chain.organisation() + ": intact, " + chain.entries() + " entries"
                        + (chain.anchors() > 0 ? ", " + chain.anchors() + (chain.anchors() == 1 ? " anchor" : " anchors")
                                + " held" : "")
                        + "; head " + chain.headSeq() + ":" + chain.headHash() + " (from " + chain.source() + ")");
            }
        }
    }
}
