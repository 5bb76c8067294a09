package dev.tandem.render.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A chart of instants on one time axis: groups of lanes (one lane per reporting stage, say), each lane
 * with markers whose shape and colour say what happened (see {@link Shape}). Drawn as an HTML table of
 * lanes with positioned markers, so it prints, paginates and reads the same in a browser and in the
 * PDF renderer, and a screen reader gets each marker's words.
 *
 * @param caption what the chart shows
 * @param start   the left edge
 * @param end     the right edge (after {@code start})
 * @param ticks   labelled instants on the axis
 * @param groups  the lanes, grouped (in force first, not in force apart)
 * @param now     a "now" line, or null
 * @param nowLabel the words beside the "now" line
 */
public record Timeline(String caption, Instant start, Instant end, List<Tick> ticks, List<LaneGroup> groups, Instant now,
        String nowLabel) {

    public Timeline {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a timeline ends after it starts");
        }
        ticks = List.copyOf(ticks);
        groups = List.copyOf(groups);
    }

    /** A labelled instant on the axis. */
    public record Tick(Instant at, String label) {
    }

    /** Lanes under a title; lanes of regimes not in force are drawn dashed and grey. */
    public record LaneGroup(String title, boolean inForce, List<Lane> lanes) {
        public LaneGroup {
            lanes = List.copyOf(lanes);
        }
    }

    /** One lane: its label and its markers. */
    public record Lane(Text label, List<Marker> markers) {
        public Lane {
            Objects.requireNonNull(label, "label");
            markers = List.copyOf(markers);
        }
    }

    /**
     * One marker.
     *
     * @param label the few words printed beside it ("due", "submitted 2 h late")
     * @param when  the instant in words for the tooltip and screen readers (UTC and local)
     */
    public record Marker(Instant at, Shape shape, String label, String when) {
        public Marker {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(label, "label");
            when = when == null ? "" : when;
        }
    }

    /** One shape per outcome, so the chart reads in black and white; each has a colour too. */
    public enum Shape {
        EVENT("▼", Tone.NEUTRAL, "an event of the incident's timeline"),
        OPEN("◇", Tone.INFO, "a deadline still open"),
        DUE_SOON("◆", Tone.WARN, "a deadline due soon"),
        OVERDUE("■", Tone.BAD, "a deadline passed without a report"),
        MET("✓", Tone.OK, "a report submitted in time"),
        LATE("▲", Tone.WARN, "a report submitted after its deadline"),
        MISSED("✕", Tone.BAD, "a deadline missed"),
        SUBMITTED("●", Tone.INFO, "a report submitted");

        private final String glyph;
        private final Tone tone;
        private final String meaning;

        Shape(String glyph, Tone tone, String meaning) {
            this.glyph = glyph;
            this.tone = tone;
            this.meaning = meaning;
        }

        public String glyph() {
            return glyph;
        }

        public Tone tone() {
            return tone;
        }

        public String meaning() {
            return meaning;
        }

        public String css() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** True when {@code at} lies on the axis. */
    public boolean shows(Instant at) {
        return !at.isBefore(start) && !at.isAfter(end);
    }

    /** The markers of a lane that lie on the axis. */
    public List<Marker> shown(Lane lane) {
        return lane.markers().stream().filter(m -> shows(m.at())).toList();
    }

    /** At most this many rows of markers on one lane; a further marker shares the row that frees up first. */
    public static final int MAX_ROWS = 8;

    /**
     * The row of each shown marker of a lane, so labels do not overlap: a marker takes the first row where the
     * previous label ended before it starts. Widths are estimated in percent of the track (a character is
     * about 1.1%), so the layout is the same in the browser and the PDF.
     */
    public int[] rows(Lane lane) {
        List<Marker> shown = shown(lane);
        int[] rows = new int[shown.size()];
        double[] rowEnds = new double[MAX_ROWS];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        Integer[] order = new Integer[shown.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(i -> shown.get(i).at()));
        for (int i : order) {
            Marker m = shown.get(i);
            double width = 3 + 1.1 * m.label().length();
            double from = labelLeft(m.at()) ? position(m.at()) - width : position(m.at()) - 1;
            double to = labelLeft(m.at()) ? position(m.at()) + 1 : position(m.at()) + width;
            int row = -1;
            for (int r = 0; r < MAX_ROWS && row < 0; r++) {
                if (rowEnds[r] < from) {
                    row = r;
                }
            }
            if (row < 0) {
                row = 0;
                for (int r = 1; r < MAX_ROWS; r++) {
                    row = rowEnds[r] < rowEnds[row] ? r : row;
                }
            }
            rows[i] = row;
            rowEnds[row] = Math.max(rowEnds[row], to);
        }
        return rows;
    }

    /** How many rows of markers a lane needs. */
    public int rowCount(Lane lane) {
        int max = 0;
        for (int row : rows(lane)) {
            max = Math.max(max, row + 1);
        }
        return Math.max(1, max);
    }

    /** The markers of a lane after the right edge (the zoomed view names them instead of drawing them). */
    public List<Marker> later(Lane lane) {
        return lane.markers().stream().filter(m -> m.at().isAfter(end)).toList();
    }

    /** The CSS left offset of an instant on the track, such as {@code 12.5%}. */
    public String left(Instant at) {
        return String.format(Locale.ROOT, "%.2f%%", position(at));
    }

    /** The CSS right offset of an instant, for labels that run leftwards from it. */
    public String right(Instant at) {
        return String.format(Locale.ROOT, "%.2f%%", 100 - position(at));
    }

    /**
     * The class of a tick label: it starts at its tick (a mark on its left), or, in the last fifth of the axis,
     * ends at it (a mark on its right), so no label leaves the axis however long it is.
     */
    public String tickClass(Tick tick) {
        return position(tick.at()) > 80 ? "tl-tick to-left" : "tl-tick";
    }

    /** The position of a tick label. */
    public String tickStyle(Tick tick) {
        return position(tick.at()) > 80 ? "right:" + right(tick.at()) : "left:" + left(tick.at());
    }

    /** True when a marker's label should run to its left, so it never leaves the track. */
    public boolean labelLeft(Instant at) {
        return position(at) > 55;
    }

    private double position(Instant at) {
        double span = Duration.between(start, end).toSeconds();
        double offset = Duration.between(start, at).toSeconds();
        return Math.max(0, Math.min(100, 100 * offset / span));
    }

    /** Every lane of every group, in order. */
    public List<Lane> lanes() {
        return groups.stream().flatMap(g -> g.lanes().stream()).toList();
    }

    /** The shapes the chart uses, for its legend. */
    public List<Shape> shapesUsed() {
        return lanes().stream().flatMap(l -> l.markers().stream()).map(Marker::shape).distinct().sorted().toList();
    }

    /** Ticks every few hours after {@code start}, labelled relative to it ("+24 h"): for a zoom on the first hours. */
    public static List<Tick> hoursAfter(Instant start, Instant end) {
        Duration span = Duration.between(start, end);
        List<Tick> ticks = new ArrayList<>();
        long step = span.toHours() <= 24 ? 3 : span.toHours() <= 48 ? 6 : 12;
        for (long h = 0; !start.plus(Duration.ofHours(h)).isAfter(end); h += step) {
            ticks.add(new Tick(start.plus(Duration.ofHours(h)), "+" + h + " h"));
        }
        return ticks;
    }

    /**
     * Ticks on UTC instants, at most about eight: whole hours with the day ("21 Nov 12:00") for spans up to
     * four days, dates beyond, months for spans of years.
     */
    public static List<Tick> ticks(Instant start, Instant end) {
        Duration span = Duration.between(start, end);
        List<Tick> ticks = new ArrayList<>();
        if (span.compareTo(Duration.ofDays(4)) <= 0) {
            long step = span.toHours() <= 24 ? 3 : span.toHours() <= 48 ? 6 : 12;
            DateTimeFormatter hour = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);
            Instant first = start.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            while (first.isBefore(start) || first.atZone(ZoneOffset.UTC).getHour() % step != 0) {
                first = first.plus(Duration.ofHours(1));
            }
            for (Instant at = first; !at.isAfter(end); at = at.plus(Duration.ofHours(step))) {
                ticks.add(new Tick(at, hour.format(at.atZone(ZoneOffset.UTC))));
            }
            return ticks;
        }
        long days = Math.max(1, span.toDays());
        long[] steps = {1, 2, 7, 14, 30, 61, 91, 182, 365};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (days / s <= 8) {
                step = s;
                break;
            }
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
        Instant first = start.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant at = first; !at.isAfter(end); at = at.plus(Duration.ofDays(step))) {
            ticks.add(new Tick(at, (step >= 30 ? month : day).format(at.atZone(ZoneOffset.UTC))));
        }
        return ticks;
    }
}
