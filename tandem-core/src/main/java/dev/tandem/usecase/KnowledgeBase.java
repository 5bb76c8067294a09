package dev.tandem.usecase;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.conformity.CatalogLoader;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.input.InputException;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.sbom.quality.QualityProfile;
import java.util.List;

/**
 * The whole knowledge base of one {@link CatalogSource}: each part (reporting, conformity, PQC, SBOM
 * quality profiles) loaded on first use and kept, with the fingerprint outputs print. The bundled
 * one is shared; a folder given by the user is read once per instance.
 */
public final class KnowledgeBase {

    private static final KnowledgeBase BUNDLED = new KnowledgeBase(CatalogSource.bundled());

    private final CatalogSource source;
    private CatalogFingerprint fingerprint;
    private ReportingCatalog reporting;
    private ConformityKnowledgeBase conformity;
    private PqcCatalog pqc;
    private List<QualityProfile> sbomProfiles;

    private KnowledgeBase(CatalogSource source) {
        this.source = source;
    }

    /** The catalog shipped in the jar. */
    public static KnowledgeBase bundled() {
        return BUNDLED;
    }

    /** The catalog of {@code source}; the bundled instance when it is the bundled source. */
    public static KnowledgeBase of(CatalogSource source) {
        return source instanceof CatalogSource.Bundled ? BUNDLED : new KnowledgeBase(source);
    }

    public CatalogSource source() {
        return source;
    }

    /** Version and content hash, for every output that depends on the catalog. */
    public synchronized CatalogFingerprint fingerprint() throws InputException {
        if (fingerprint == null) {
            fingerprint = CatalogFingerprint.of(source);
        }
        return fingerprint;
    }

    /** Reporting regimes, fields, counting rules, calendars. */
    public synchronized ReportingCatalog reporting() throws InputException {
        if (reporting == null) {
            reporting = source instanceof CatalogSource.Bundled ? dev.tandem.reporting.catalog.CatalogLoader.bundled()
                    : dev.tandem.reporting.catalog.CatalogLoader.load(source);
        }
        return reporting;
    }

    /** Requirement catalogs, crosswalks and conformity routes. */
    public synchronized ConformityKnowledgeBase conformity() throws InputException {
        if (conformity == null) {
            conformity = source instanceof CatalogSource.Bundled ? ConformityKnowledgeBase.bundled() : CatalogLoader.load(source);
        }
        return conformity;
    }

    /** Algorithms, replacements, libraries and PQC milestones. */
    public synchronized PqcCatalog pqc() throws InputException {
        if (pqc == null) {
            pqc = source instanceof CatalogSource.Bundled ? PqcCatalog.bundled() : PqcCatalog.load(source);
        }
        return pqc;
    }

    /** SBOM quality profiles (BSI TR-03183-2, NTIA). */
    public synchronized List<QualityProfile> sbomProfiles() throws InputException {
        if (sbomProfiles == null) {
            sbomProfiles = QualityProfile.load(source);
        }
        return sbomProfiles;
    }
}
