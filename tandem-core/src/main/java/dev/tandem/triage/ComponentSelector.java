package dev.tandem.triage;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.tandem.match.FindingId;
import dev.tandem.sbom.Component;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Which components a statement speaks of. */
public sealed interface ComponentSelector {

    /** True when the statement applies to {@code component}, whose finding has {@code id}. */
    boolean matches(Component component, FindingId id);

    /** How outputs show the selector: a purl, a pattern, a CPE, a finding id, or "*". */
    String text();

    /** Every component with the vulnerability. */
    record AnyComponent() implements ComponentSelector {
        @Override
        public boolean matches(Component component, FindingId id) {
            return true;
        }

        @Override
        public String text() {
            return "*";
        }
    }

    /**
     * A package URL. Type, namespace and name must match; a version, when the selector has one, must
     * be equal; each qualifier the selector names must have the same value on the component. So
     * {@code pkg:npm/lodash} covers every lodash, {@code pkg:npm/lodash@4.17.20} only that release.
     */
    record Purl(String purl) implements ComponentSelector {
        public Purl {
            Objects.requireNonNull(purl, "purl");
            try {
                new PackageURL(purl);
            } catch (MalformedPackageURLException e) {
                throw new IllegalArgumentException("not a package URL: " + purl + " (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public boolean matches(Component component, FindingId id) {
            if (component.purl().isBlank()) {
                return false;
            }
            try {
                PackageURL wanted = new PackageURL(purl);
                PackageURL actual = new PackageURL(component.purl());
                if (!wanted.getType().equals(actual.getType()) || !Objects.equals(lower(wanted, wanted.getNamespace()),
                        lower(actual, actual.getNamespace())) || !Objects.equals(lower(wanted, wanted.getName()),
                        lower(actual, actual.getName()))) {
                    return false;
                }
                if (wanted.getVersion() != null && !wanted.getVersion().equals(actual.getVersion())) {
                    return false;
                }
                Map<String, String> qualifiers = actual.getQualifiers() == null ? Map.of() : actual.getQualifiers();
                return wanted.getQualifiers() == null || wanted.getQualifiers().entrySet().stream()
                        .allMatch(q -> q.getValue().equals(qualifiers.get(q.getKey())));
            } catch (MalformedPackageURLException e) {
                return false;
            }
        }

        /** Package types whose names are case-insensitive (purl spec) compare in lower case. */
        private static String lower(PackageURL purl, String part) {
            if (part == null) {
                return null;
            }
            return switch (purl.getType()) {
                case "npm", "pypi", "github", "bitbucket", "golang", "hex", "composer", "deb", "apk" -> part.toLowerCase(Locale.ROOT);
                default -> part;
            };
        }

        @Override
        public String text() {
            return purl;
        }
    }

    /** A purl pattern where {@code *} stands for any run of characters ({@code pkg:golang/golang.org/x/*}). */
    record PurlPattern(String pattern) implements ComponentSelector {
        public PurlPattern {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean matches(Component component, FindingId id) {
            if (component.purl().isBlank()) {
                return false;
            }
            StringBuilder regex = new StringBuilder();
            for (String part : pattern.split("\\*", -1)) {
                regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
            }
            return Pattern.compile(regex.toString()).matcher(component.purl()).matches();
        }

        @Override
        public String text() {
            return pattern;
        }
    }

    /** A CPE name, compared as written, in any case (CPE matching rules belong to the CPE matcher). */
    record Cpe(String cpe) implements ComponentSelector {
        public Cpe {
            Objects.requireNonNull(cpe, "cpe");
        }

        @Override
        public boolean matches(Component component, FindingId id) {
            return !component.cpe().isBlank() && component.cpe().strip().equalsIgnoreCase(cpe.strip());
        }

        @Override
        public String text() {
            return cpe;
        }
    }

    /** One finding, by its stable id: what a stored triage decision is about. */
    record Finding(FindingId findingId) implements ComponentSelector {
        public Finding {
            Objects.requireNonNull(findingId, "findingId");
        }

        @Override
        public boolean matches(Component component, FindingId id) {
            return findingId.equals(id);
        }

        @Override
        public String text() {
            return findingId.value();
        }
    }
}
