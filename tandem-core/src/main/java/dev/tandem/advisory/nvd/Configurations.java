package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cpe.ApplicabilityNode;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.MalformedCpeException;
import dev.tandem.cpe.Operator;
import dev.tandem.cpe.VersionBounds;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The applicability configurations of NVD records, in both shapes, as {@link ApplicabilityNode}
 * trees: API 2.0 (and CVE 5 {@code cpeApplicability}) — {@code configurations[]} are alternatives,
 * each with an optional {@code operator} (OR by default) and {@code negate} over its {@code nodes},
 * each node an operator over its {@code cpeMatch} criteria; JSON 1.1 — top-level {@code nodes} are
 * alternatives, a node joins its {@code children} and its {@code cpe_match} criteria with its
 * operator (an AND node with one criterion and no children, as CVE-2021-28039 has, is that one
 * criterion).
 */
final class Configurations {

    private Configurations() {
    }

    /** API 2.0 {@code configurations} / CVE 5 {@code cpeApplicability}. */
    static List<ApplicabilityNode.Group> api2(RecordNodes n, JsonNode parent, String field, String pointer)
            throws InputException {
        List<ApplicabilityNode.Group> configurations = new ArrayList<>();
        String arrayPointer = RecordNodes.child(pointer, field);
        List<JsonNode> elements = n.array(parent, field, pointer);
        for (int c = 0; c < elements.size(); c++) {
            String at = RecordNodes.child(arrayPointer, c);
            JsonNode configuration = n.element(elements.get(c), at);
            List<ApplicabilityNode> nodes = new ArrayList<>();
            String nodesPointer = RecordNodes.child(at, "nodes");
            List<JsonNode> nodeElements = n.array(configuration, "nodes", at);
            for (int i = 0; i < nodeElements.size(); i++) {
                String nodeAt = RecordNodes.child(nodesPointer, i);
                JsonNode node = n.element(nodeElements.get(i), nodeAt);
                List<ApplicabilityNode> leaves = new ArrayList<>();
                leaves(n, node, "cpeMatch", "criteria", nodeAt, leaves);
                nodes.add(new ApplicabilityNode.Group(operator(n, node, nodeAt), n.bool(node, "negate", nodeAt, false),
                        leaves));
            }
            if (nodes.isEmpty()) {
                continue; // CVE 5 producers may write a configuration without nodes (a "$comment" only)
            }
            configurations.add(new ApplicabilityNode.Group(operator(n, configuration, at),
                    n.bool(configuration, "negate", at, false), nodes));
        }
        return configurations;
    }

    /** JSON 1.1 {@code configurations.nodes}: each top-level node is one alternative. */
    static List<ApplicabilityNode.Group> json11(RecordNodes n, JsonNode parent, String pointer) throws InputException {
        List<ApplicabilityNode.Group> configurations = new ArrayList<>();
        String nodesPointer = RecordNodes.child(pointer, "nodes");
        List<JsonNode> nodes = n.array(parent, "nodes", pointer);
        for (int i = 0; i < nodes.size(); i++) {
            ApplicabilityNode.Group group = json11Node(n, nodes.get(i), RecordNodes.child(nodesPointer, i), 0);
            if (!group.children().isEmpty()) {
                configurations.add(group);
            }
        }
        return configurations;
    }

    private static ApplicabilityNode.Group json11Node(RecordNodes n, JsonNode element, String at, int depth)
            throws InputException {
        JsonNode node = n.element(element, at);
        if (depth > 16) {
            throw n.error(at, "configuration nodes nested more than 16 deep");
        }
        List<ApplicabilityNode> children = new ArrayList<>();
        String childrenPointer = RecordNodes.child(at, "children");
        List<JsonNode> childElements = n.array(node, "children", at);
        for (int i = 0; i < childElements.size(); i++) {
            ApplicabilityNode.Group child = json11Node(n, childElements.get(i), RecordNodes.child(childrenPointer, i),
                    depth + 1);
            children.add(child);
        }
        leaves(n, node, "cpe_match", "cpe23Uri", at, children);
        return new ApplicabilityNode.Group(operator(n, node, at), n.bool(node, "negate", at, false), children);
    }

    private static void leaves(RecordNodes n, JsonNode node, String field, String criteriaField, String at,
            List<ApplicabilityNode> into) throws InputException {
        String matchesPointer = RecordNodes.child(at, field);
        List<JsonNode> matches = n.array(node, field, at);
        for (int m = 0; m < matches.size(); m++) {
            String matchAt = RecordNodes.child(matchesPointer, m);
            JsonNode match = n.element(matches.get(m), matchAt);
            into.add(new ApplicabilityNode.Leaf(match(n, match, criteriaField, matchAt)));
        }
    }

    static CpeMatch match(RecordNodes n, JsonNode match, String criteriaField, String at) throws InputException {
        String criteria = n.text(match, criteriaField, at);
        if (criteria.isEmpty()) {
            throw n.error(at, "a CPE match needs \"" + criteriaField + "\"");
        }
        CpeName name;
        try {
            name = CpeName.parse(criteria);
        } catch (MalformedCpeException e) {
            throw n.error(RecordNodes.child(at, criteriaField), e.getMessage());
        }
        if (!match.has("vulnerable")) {
            throw n.error(at, "a CPE match needs \"vulnerable\" (true for the affected product, false for a platform)");
        }
        VersionBounds bounds = new VersionBounds(n.text(match, "versionStartIncluding", at),
                n.text(match, "versionStartExcluding", at), n.text(match, "versionEndIncluding", at),
                n.text(match, "versionEndExcluding", at));
        return new CpeMatch(name, criteria, n.bool(match, "vulnerable", at, true), bounds,
                n.text(match, "matchCriteriaId", at));
    }

    private static Operator operator(RecordNodes n, JsonNode node, String at) throws InputException {
        String text = n.text(node, "operator", at);
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "", "OR" -> Operator.OR;
            case "AND" -> Operator.AND;
            default -> throw n.error(RecordNodes.child(at, "operator"),
                    "operator must be OR or AND, found \"" + text + "\"");
        };
    }
}
