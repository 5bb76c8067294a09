package dev.tandem.render.reporting;

import dev.tandem.render.markup.Html;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.reporting.obligation.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The timeline of one replay as an SVG chart: a lane per obligation on a shared time axis; pure SVG, no scripts. */
final class ExerciseChart {

    private static final String EVENTS = "scenario events";

    private ExerciseChart() {
    }

    static String svg(Replay replay, Instant until) {
        List<Instant> instants = new ArrayList<>();
        replay.timeline().stream().map(TimelineEntry::at).filter(Objects::nonNull).forEach(instants::add);
        instants.add(until);
        Instant start = instants.stream().min(Instant::compareTo).orElse(until).minus(Duration.ofHours(12));
        Instant end = instants.stream().max(Instant::compareTo).orElse(until).plus(Duration.ofHours(12));
        Map<String, List<TimelineEntry>> lanes = new LinkedHashMap<>();
        lanes.put(EVENTS, new ArrayList<>());
        for (Obligation o : replay.result().obligations()) {
            lanes.put(o.framework() + " " + o.stage(), new ArrayList<>());
        }
        for (TimelineEntry e : replay.timeline()) {
            String lane = e.framework() == null ? EVENTS : e.framework() + " " + e.stage();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(e);
        }
        int left = 300;
        int width = 1100;
        int row = 26;
        int top = 40;
        int height = top + row * lanes.size() + 20;
        double span = Duration.between(start, end).toMinutes();
        Function<Instant, Double> x = at -> left + (width - left - 20) * Duration.between(start, at).toMinutes() / span;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"timeline\">\n");
        svg.append("<style>text{font:11px sans-serif}.eu{fill:#1f4fbf}.us{fill:#b3261e}.uk{fill:#6a1b9a}.axis{stroke:#999}</style>\n");
        long days = Math.max(1, Duration.between(start, end).toDays());
        long step = Math.max(1, (days + 9) / 10);
        for (LocalDate d = start.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1); !d.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(end); d = d.plusDays(step)) {
            double px = x.apply(d.atStartOfDay(ZoneOffset.UTC).toInstant());
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke-dasharray=\"2,3\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, top - 10, px, height - 10, px, top - 14, d.toString().substring(5)));
        }
        double untilX = x.apply(until);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/><text x=\"%.1f\" y=\"%d\">end</text>\n",
                untilX, top - 10, untilX, height - 10, untilX + 3, height - 12));
        int i = 0;
        for (Map.Entry<String, List<TimelineEntry>> lane : lanes.entrySet()) {
            int y = top + row * i++ + row / 2;
            String side = lane.getValue().stream().map(TimelineEntry::side).filter(s -> !s.isEmpty()).findFirst().orElse("");
            boolean inForce = lane.getValue().stream().allMatch(TimelineEntry::inForce);
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"%s\">%s</text>", y + 4, side.toLowerCase(Locale.ROOT),
                    Html.escape(lane.getKey()))).append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"%s/>\n",
                    left, y, width - 20, y, inForce ? "" : " stroke-dasharray=\"6,4\""));
            for (TimelineEntry e : lane.getValue()) {
                if (e.at() == null) {
                    continue;
                }
                double px = x.apply(e.at());
                String tip = "<title>" + Html.escape(e.label() + " " + e.at() + (e.outcome() == null ? "" : " — " + e.outcome().id())) + "</title>";
                switch (e.type()) {
                    case "due" -> svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l6 6 l-6 6 l-6 -6 z\" fill=\"%s\">%s</path>\n",
                            px, y - 6, colour(e.outcome().id()), tip));
                    case "submission" -> svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" class=\"%s\">%s</circle>\n",
                            px, y, e.side().toLowerCase(Locale.ROOT), tip));
                    default -> svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\">%s</line>\n",
                            px, y - 8, px, y + 8, tip));
                }
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String colour(String outcome) {
        return switch (outcome) {
            case "met" -> "#1a7f37";
            case "late" -> "#d97706";
            case "missed" -> "#b00020";
            default -> "#888";
        };
    }
}
