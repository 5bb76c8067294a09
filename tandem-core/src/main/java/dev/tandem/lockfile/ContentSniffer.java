package dev.tandem.lockfile;

import dev.tandem.sbom.SbomFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a lockfile's format from its first 64 KiB when its name does not: each format has a marker
 * its tool always writes (npm's {@code lockfileVersion}, yarn's header, Poetry's {@code [metadata]}
 * lock version, Maven's "The following files have been resolved:"), and requirements files are
 * recognised by every line being a requirement, an option or a comment.
 */
final class ContentSniffer {

    private static final int WINDOW = 64 * 1024;

    private static final Pattern LINE_START = Pattern.compile("(?m)^");
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\\S+");
    private static final Pattern GEMFILE_SECTION = Pattern.compile("(?m)^(GEM|GIT|PATH|PLUGIN SOURCE)\\r?\\n  remote: ");
    private static final Pattern GEMFILE_DEPENDENCIES = Pattern.compile("(?m)^DEPENDENCIES\\r?$");
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^[A-Za-z0-9][A-Za-z0-9._-]*(\\[[^\\]]*\\])?\\s*(===?|~=|!=|>=|<=|<|>|@|;|$).*");
    private static final Pattern PINNED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*(\\[[^\\]]*\\])?\\s*===?\\s*[^\\s;#]+.*");

    private ContentSniffer() {
    }

    static Optional<SbomFormat> detect(byte[] content) {
        String text = Lockfiles.text(content, WINDOW);
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("{")) {
            if (start.contains("\"lockfileVersion\"")) {
                return Optional.of(SbomFormat.NPM_PACKAGE_LOCK);
            }
            if (start.contains("\"packages\"") && (start.contains("\"content-hash\"") || start.contains("\"packages-dev\""))) {
                return Optional.of(SbomFormat.COMPOSER_LOCK);
            }
            return Optional.empty();
        }
        if (text.contains("# yarn lockfile v1") || Pattern.compile("(?m)^__metadata:").matcher(text).find()) {
            return Optional.of(SbomFormat.YARN_LOCK);
        }
        if (Pattern.compile("(?m)^lockfileVersion:").matcher(text).find()) {
            return Optional.of(SbomFormat.PNPM_LOCK);
        }
        if (text.contains("The following files have been resolved:")) {
            return Optional.of(SbomFormat.MAVEN_DEPENDENCY_LIST);
        }
        if (Pattern.compile("(?m)^\\s*\\[\\[\\s*package\\s*\\]\\]").matcher(text).find()) {
            if (Pattern.compile("(?m)^lock-version\\s*=").matcher(text).find()
                    || Pattern.compile("(?m)^\\[metadata\\]").matcher(text).find() && text.contains("content-hash")) {
                return Optional.of(SbomFormat.POETRY_LOCK);
            }
            if (Pattern.compile("(?m)^requires-python\\s*=").matcher(text).find()
                    || Pattern.compile("(?m)^source\\s*=\\s*\\{").matcher(text).find()) {
                return Optional.of(SbomFormat.UV_LOCK);
            }
            return Optional.of(SbomFormat.CARGO_LOCK);
        }
        if (GO_MODULE.matcher(text).find() && !text.contains("[[")) {
            return Optional.of(SbomFormat.GO_MOD);
        }
        if (GEMFILE_SECTION.matcher(text).find() || GEMFILE_DEPENDENCIES.matcher(text).find()) {
            return Optional.of(SbomFormat.GEMFILE_LOCK);
        }
        return requirements(text) ? Optional.of(SbomFormat.PIP_REQUIREMENTS) : Optional.empty();
    }

    /** Every significant line is a requirement, a pip option or a comment, and at least one pins a version. */
    private static boolean requirements(String text) {
        boolean pinned = false;
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("-") || stripped.endsWith("\\")
                    && stripped.startsWith("--")) {
                continue;
            }
            if (!REQUIREMENT.matcher(stripped).matches()) {
                return false;
            }
            pinned |= PINNED.matcher(stripped).matches();
        }
        return pinned;
    }

    /** What a document that is no lockfile seems to be, for the message. */
    static String describe(byte[] content) {
        String text = Lockfiles.text(content, WINDOW).strip();
        if (text.isEmpty()) {
            return "is empty, not a lockfile";
        }
        if (text.contains("\"bomFormat\"") || text.contains("cyclonedx.org/schema")) {
            return "is a CycloneDX SBOM, not a lockfile (read it as an SBOM)";
        }
        if (text.contains("spdxVersion") || text.contains("SPDXVersion:")) {
            return "is an SPDX SBOM, not a lockfile (read it as an SBOM)";
        }
        return "is not a lockfile format Tandem recognises";
    }
}
