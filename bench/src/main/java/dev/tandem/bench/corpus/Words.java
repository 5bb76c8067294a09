package dev.tandem.bench.corpus;

import java.util.Random;

/** A fixed vocabulary for package names, summaries and details, so corpora look like text and compress like it. */
final class Words {

    static final String[] NOUNS = {"parser", "stream", "buffer", "socket", "cache", "token", "session", "router",
            "template", "archive", "image", "codec", "crypto", "config", "logger", "queue", "proxy", "client", "server",
            "loader", "render", "schema", "index", "widget", "engine", "bridge", "shell", "vault", "ledger", "matrix",
            "pixel", "vector", "graph", "kernel", "driver", "plugin", "bundle", "module", "helper", "agent", "daemon",
            "portal", "cursor", "filter", "mapper", "signer", "tracer", "watcher", "zipper", "yaml", "json", "xml",
            "http", "ftp", "smtp", "ldap", "sql", "redis", "mongo", "kafka", "grpc", "oauth", "jwt", "saml", "tls"};
    static final String[] ADJECTIVES = {"fast", "tiny", "simple", "secure", "async", "lazy", "smart", "open", "micro",
            "super", "easy", "native", "pure", "deep", "quick", "light", "solid", "hyper", "meta", "auto"};
    static final String[] PROBLEMS = {"Cross-site scripting", "SQL injection", "Path traversal", "Denial of service",
            "Prototype pollution", "Remote code execution", "Server-side request forgery", "Improper input validation",
            "Uncontrolled resource consumption", "Use after free", "Out-of-bounds write", "Integer overflow",
            "Improper certificate validation", "Regular expression denial of service", "Information exposure",
            "Deserialization of untrusted data", "Open redirect", "Heap buffer overflow", "Authentication bypass",
            "Malicious code"};
    static final String[] FILLER = {"the", "a", "when", "an", "attacker", "can", "crafted", "request", "input", "may",
            "allow", "remote", "users", "to", "cause", "via", "in", "of", "function", "before", "version", "and", "with",
            "memory", "length", "handling", "header", "value", "leads", "unexpected", "behaviour", "because", "does",
            "not", "properly", "check", "bounds", "parsing", "untrusted", "data", "which", "results", "arbitrary"};

    private Words() {
    }

    static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    /** A sentence of {@code count} filler words, capitalised and ended. */
    static String sentence(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = pick(random, FILLER);
            if (i == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(i == 0 ? "" : " ").append(word);
        }
        return text.append('.').toString();
    }
}
