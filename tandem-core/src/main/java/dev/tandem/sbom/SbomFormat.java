package dev.tandem.sbom;

/**
 * The formats Tandem reads an {@link Sbom} from: SBOM documents, and the lockfiles of package managers
 * (read by {@code dev.tandem.lockfile}; docs/formats/lockfiles.md).
 */
public enum SbomFormat {
    CYCLONEDX_JSON("CycloneDX JSON"),
    CYCLONEDX_XML("CycloneDX XML"),
    SPDX_JSON("SPDX JSON"),
    SPDX_TAG_VALUE("SPDX tag-value"),
    NPM_PACKAGE_LOCK("package-lock.json", true),
    YARN_LOCK("yarn.lock", true),
    PNPM_LOCK("pnpm-lock.yaml", true),
    CARGO_LOCK("Cargo.lock", true),
    GO_MOD("go.mod", true),
    POETRY_LOCK("poetry.lock", true),
    UV_LOCK("uv.lock", true),
    PIP_REQUIREMENTS("requirements.txt", true),
    COMPOSER_LOCK("composer.lock", true),
    GEMFILE_LOCK("Gemfile.lock", true),
    MAVEN_DEPENDENCY_LIST("mvn dependency:list", true);

    private final String label;
    private final boolean lockfile;

    SbomFormat(String label) {
        this(label, false);
    }

    SbomFormat(String label, boolean lockfile) {
        this.label = label;
        this.lockfile = lockfile;
    }

    public String label() {
        return label;
    }

    /** True for a package manager's lockfile (or resolved dependency list), false for an SBOM document. */
    public boolean isLockfile() {
        return lockfile;
    }
}
