package dev.tandem.usecase.audit;

import dev.tandem.audit.ChainBreak;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Per organisation: how many entries were checked, the head hash, and the first break if any. */
public record AuditVerifyResult(List<ChainCheck> chains) {

    public AuditVerifyResult {
        chains = List.copyOf(chains);
    }

    /** True when every chain is intact and every anchor holds. */
    public boolean intact() {
        return chains.stream().allMatch(c -> c.breakAt().isEmpty());
    }

    /**
     * One organisation's chain.
     *
     * @param source   where it was read (the database, an export file)
     * @param entries  how many entries it has
     * @param headSeq  the last entry's number (0 when empty)
     * @param headHash the last entry's hash, to record as an anchor ({@code AuditChain.GENESIS} when empty)
     * @param anchors  how many anchors were checked against it
     * @param breakAt  the first entry that fails, when one does
     */
    public record ChainCheck(String organisation, String source, long entries, long headSeq, String headHash,
            int anchors, Optional<ChainBreak> breakAt) {
        public ChainCheck {
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(breakAt, "breakAt");
        }
    }
}
