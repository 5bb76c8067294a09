package dev.tandem.advisory.cvss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of one vector string ({@code AV:N/AC:L/...}), checked against the metric names and
 * values a CVSS version defines: every metric at most once, mandatory metrics present.
 */
final class CvssVector {

    private CvssVector() {
    }

    /**
     * Parses {@code body} (the vector without its {@code CVSS:x.y/} prefix).
     *
     * @param allowed   metric name to its allowed values, for the version
     * @param mandatory the metrics the base score needs
     */
    static Map<String, String> parse(String body, Map<String, Set<String>> allowed, List<String> mandatory)
            throws MalformedVectorException {
        Map<String, String> metrics = new LinkedHashMap<>();
        if (body.isEmpty()) {
            throw new MalformedVectorException("the vector has no metrics");
        }
        for (String part : body.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new MalformedVectorException("\"" + shorten(part) + "\" is not a METRIC:VALUE pair");
            }
            String name = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Set<String> values = allowed.get(name);
            if (values == null) {
                throw new MalformedVectorException("unknown metric \"" + shorten(name) + "\"");
            }
            if (!values.contains(value)) {
                throw new MalformedVectorException("metric " + name + " has no value \"" + shorten(value) + "\"");
            }
            if (metrics.putIfAbsent(name, value) != null) {
                throw new MalformedVectorException("metric " + name + " appears more than once");
            }
        }
        for (String name : mandatory) {
            if (!metrics.containsKey(name)) {
                throw new MalformedVectorException("the base metric " + name + " is missing");
            }
        }
        return metrics;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
