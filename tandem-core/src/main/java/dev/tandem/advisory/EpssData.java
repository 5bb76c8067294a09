package dev.tandem.advisory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A day's EPSS scores, looked up by CVE id: the in-memory table a file was read into
 * ({@link EpssTable}), or the section of an advisory snapshot.
 */
public interface EpssData {

    /** The file or feed the scores were read from. */
    String source();

    /** The EPSS model that computed them ({@code v2025.03.14}), empty when the file did not say. */
    String modelVersion();

    /** The day the scores were computed (UTC), null when the file did not say. */
    LocalDate scoreDate();

    /** How many CVEs are scored. */
    int count();

    /** The score of one CVE id (any case), empty when it is not scored or not a CVE id. */
    Optional<EpssScore> lookup(String cve);
}
