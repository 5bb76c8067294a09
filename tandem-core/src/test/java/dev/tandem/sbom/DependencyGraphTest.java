package dev.tandem.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    /** Against a naive definition: direct = an edge from the root, transitive = reachable otherwise, else unknown. */
    @Property(tries = 300)
    void kindsMatchReachability(@ForAll @Size(max = 60) List<@IntRange(max = 14) Integer> edgeEnds) {
        DependencyGraph graph = new DependencyGraph();
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < edgeEnds.size(); i += 2) {
            edges.add(new int[] {edgeEnds.get(i), edgeEnds.get(i + 1)});
            graph.add("n" + edgeEnds.get(i), "n" + edgeEnds.get(i + 1));
        }
        Map<String, DependencyKind> kinds = graph.kindsFrom(List.of("n0"));
        Set<Integer> direct = new HashSet<>();
        for (int[] edge : edges) {
            if (edge[0] == 0 && edge[1] != 0) {
                direct.add(edge[1]);
            }
        }
        Set<Integer> reachable = reachableFrom(0, edges);
        for (int node = 1; node <= 14; node++) {
            DependencyKind expected = direct.contains(node) ? DependencyKind.DIRECT
                    : reachable.contains(node) ? DependencyKind.TRANSITIVE : DependencyKind.UNKNOWN;
            assertThat(kinds.getOrDefault("n" + node, DependencyKind.UNKNOWN)).as("n" + node + " in " + edgeEnds)
                    .isEqualTo(expected);
        }
        assertThat(kinds).doesNotContainKey("n0");
    }

    @Test
    void withoutRootsEverythingIsUnknown() {
        DependencyGraph graph = new DependencyGraph();
        graph.add("a", "b");
        List<Component> components = graph.classify(
                List.of(new ComponentDraft("b", "b", "", "", "", "", "", List.of(), List.of(), List.of())), List.of());
        assertThat(components).extracting(Component::dependency).containsExactly(DependencyKind.UNKNOWN);
    }

    @Test
    void emptyReferencesMakeNoEdges() {
        DependencyGraph graph = new DependencyGraph();
        graph.add("", "b");
        graph.add("a", "");
        assertThat(graph.isEmpty()).isTrue();
    }

    private static Set<Integer> reachableFrom(int start, List<int[]> edges) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> stack = new ArrayList<>(List.of(start));
        while (!stack.isEmpty()) {
            int node = stack.remove(stack.size() - 1);
            for (int[] edge : edges) {
                if (edge[0] == node && seen.add(edge[1])) {
                    stack.add(edge[1]);
                }
            }
        }
        return seen;
    }
}
