package dev.tandem.lockfile;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit a JavaScript package from a Git repository is pinned to, read from how npm, yarn and pnpm
 * write its resolution: {@code git+ssh://…#<commit>}, {@code https://….git#<commit>}, GitHub's codeload
 * tarballs {@code …/tar.gz/<commit>}, {@code #commit=<commit>} (yarn Berry), the {@code github:}
 * shorthands, and {@code #<ref>} or {@code ?ref=<ref>} on github.com, gitlab.com and bitbucket.org URLs.
 */
final class GitCommits {

    private static final Pattern[] SHAPES = {
            Pattern.compile("(?:^|.+@)(?:git(?:\\+(?:ssh|https?))?|ssh)://.+#(\\w+)$"),
            Pattern.compile("(?:^|.+@)https://.+\\.git#(\\w+)$"),
            Pattern.compile("https://codeload\\.github\\.com(?:/[\\w.-]+){2}/tar\\.gz/(\\w+)$"),
            Pattern.compile(".+#commit[:=](\\w+)$"),
            Pattern.compile("^(?:github|gitlab|bitbucket):.+#(\\w+)$"),
    };

    private static final Set<String> HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org");

    private GitCommits() {
    }

    /** The commit, or "" when the resolution is not a Git one. */
    static String of(String resolution) {
        if (resolution == null || resolution.isEmpty()) {
            return "";
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(resolution);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        try {
            URI uri = new URI(resolution);
            if (uri.getHost() == null || !HOSTS.contains(uri.getHost())) {
                return "";
            }
            String query = uri.getRawQuery();
            if (query == null || query.isEmpty()) {
                return uri.getFragment() == null ? "" : uri.getFragment();
            }
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("ref=")) {
                    return parameter.substring(4);
                }
            }
            return "";
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private static final Pattern CODELOAD = Pattern.compile("https://codeload\\.github\\.com/([\\w.-]+/[\\w.-]+)/tar\\.gz/\\w+$");

    /** The repository of a Git resolution, without the commit: for the purl's {@code vcs_url}. */
    static String repository(String resolution) {
        Matcher codeload = CODELOAD.matcher(resolution);
        if (codeload.matches()) {
            return "https://github.com/" + codeload.group(1);
        }
        int hash = resolution.indexOf('#');
        return hash >= 0 ? resolution.substring(0, hash) : resolution;
    }
}
