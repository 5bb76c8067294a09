package dev.tandem.conformity.assessment;

import java.util.List;

/** The Secure by Design points Tandem checked itself; present when the secure-by-design scope is assessed. */
public record SecureByDesignResult(List<SecureByDesignCheck> checks) {
    public SecureByDesignResult {
        checks = List.copyOf(checks);
    }

    /** The check of that id, if made. */
    public java.util.Optional<SecureByDesignCheck> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
