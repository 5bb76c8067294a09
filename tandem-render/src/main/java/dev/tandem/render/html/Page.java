package dev.tandem.render.html;

import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * One document: what it is, its title, whether it may be signed, where it comes from, its sections and
 * the legend of the tags and shapes it uses. Every HTML and PDF output is a page; the server's web
 * pages are too.
 *
 * @param kind       what the document is, above the title ("Vulnerability scan", "Draft declaration")
 * @param draft      why the document must not be signed as it is, printed under the title and as a DRAFT
 *                   watermark on every page; null for a document that is not a draft
 * @param summary    the lead paragraph under the title, may be empty
 * @param legend     the legend printed once at the end (tags, shapes), may be empty
 */
public record Page(String kind, String title, Text summary, String draft, Provenance provenance, List<Section> sections,
        List<LegendEntry> legend) {

    public Page {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? Text.empty() : summary;
        Objects.requireNonNull(provenance, "provenance");
        sections = List.copyOf(sections);
        legend = List.copyOf(legend);
    }

    /** The language of every page Tandem writes. */
    public String lang() {
        return "en";
    }

    public boolean isDraft() {
        return draft != null;
    }

    /** True when a section prints on landscape pages. */
    public boolean hasLandscape() {
        return sections.stream().anyMatch(Section::landscape);
    }

    /** One line of the legend: a sample (a tag, a badge) and what it means in plain words. */
    public record LegendEntry(Text sample, String meaning) {
        public LegendEntry {
            Objects.requireNonNull(sample, "sample");
            Objects.requireNonNull(meaning, "meaning");
        }
    }
}
