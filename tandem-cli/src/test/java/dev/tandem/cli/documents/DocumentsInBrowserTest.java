package dev.tandem.cli.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every HTML document looked at as a person would: rendered in headless Chromium on a wide and a narrow
 * screen, light and dark, and at the printable width of A4 and US Letter pages; no table and no element
 * may leave the page box, every text must meet WCAG 2.2 AA contrast, tables have scoped headers, the page
 * has a language, and no word of a badge or of any table cell (outside links and codes) is broken across
 * lines. Screenshots and Chromium's own print (PDF, first pages as PNG) are kept under target/documents for
 * review.
 */
class DocumentsInBrowserTest {

    /** How a document is looked at: a screen width, dark or light, or print at a paper's printable width. */
    enum View {
        SCREEN(1280, false, false, 0, 0), NARROW(760, false, false, 0, 0), DARK(1280, false, true, 0, 0),
        A4(0, true, false, 8.27, 11.69), LETTER(0, true, false, 8.5, 11);

        final int width;
        final boolean print;
        final boolean dark;
        final double paperWidth;
        final double paperHeight;

        View(int width, boolean print, boolean dark, double paperWidth, double paperHeight) {
            this.width = width;
            this.print = print;
            this.dark = dark;
            this.paperWidth = paperWidth;
            this.paperHeight = paperHeight;
        }

        /** The page box in CSS pixels: the screen, or the paper less the stylesheet's 14 mm side margins. */
        int pageWidth(boolean landscape) {
            if (!print) {
                return width;
            }
            double inches = landscape ? paperHeight : paperWidth;
            return (int) Math.floor((inches * 25.4 - 28) / 25.4 * 96);
        }
    }

    static Stream<Arguments> documents() {
        List<Arguments> cases = new ArrayList<>();
        for (Documents d : Documents.all()) {
            for (View view : View.values()) {
                cases.add(Arguments.of(d, view));
            }
        }
        return cases.stream();
    }

    /** Measures, in the page, everything that leaves the page box or is hard to read, and what lacks a scope. */
    private static final String CHECKS = """
            const width = arguments[0];
            const problems = [];
            const describe = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
                + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
            const skip = e => e.closest('.watermark, .sr-only, [aria-hidden=true]');
            if (document.documentElement.lang !== 'en') problems.push('no lang="en" on <html>');
            if (document.documentElement.scrollWidth > width + 1) {
              const wide = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > width + 1)
                  .slice(-3).map(describe).join('; ');
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width + ' (' + wide + ')');
            }
            for (const e of document.querySelectorAll('body *')) {
              if (skip(e)) continue;
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.right > width + 1 || r.left < -1) problems.push('outside the page box (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width + '): ' + describe(e));
              if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden') problems.push('cut off: ' + describe(e));
            }
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (!n.textContent.trim() || skip(n.parentElement)) continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              const r = range.getBoundingClientRect();
              if (r.width > 0 && (r.right > width + 1 || r.left < -1)) problems.push('text outside the page box (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width + '): ' + describe(n.parentElement));
            }
            // A badge keeps its words whole, and so does every table cell outside its links and codes: a word on two
            // lines ("not deter|mined", "Beispielstras|se", "notifi|cation") is a problem; a break after a hyphen is not.
            const kept = Array.from(document.querySelectorAll('.badge, td, th'));
            for (const cell of kept) {
              const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let n = texts.nextNode(); n; n = texts.nextNode()) {
                if (skip(n.parentElement) || (!cell.matches('.badge') && n.parentElement.closest('a, code, .badge'))) continue;
                for (const word of n.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {
                  const range = document.createRange();
                  range.setStart(n, word.index);
                  range.setEnd(n, word.index + word[0].length);
                  const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) problems.push('a word broken across lines: "' + word[0] + '" in ' + describe(cell));
                }
              }
            }
            for (const th of document.querySelectorAll('th')) {
              if (!th.getAttribute('scope')) problems.push('header without scope: ' + describe(th));
            }
            for (const t of document.querySelectorAll('table')) {
              if (!t.querySelector('caption')) problems.push('table without caption: ' + describe(t));
            }
            const rgb = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(',').map(Number); return {r:p[0],g:p[1],b:p[2],a:p.length > 3 ? p[3] : 1}; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const background = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; } return rgb(getComputedStyle(document.documentElement).backgroundColor) || {r:255,g:255,b:255,a:1}; };
            for (const e of document.querySelectorAll('body *')) {
              if (skip(e)) continue;
              const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
              if (!own) continue;
              const style = getComputedStyle(e);
              const fg = rgb(style.color), bg = background(e);
              const l1 = lum(fg), l2 = lum(bg);
              const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
              const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < need) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + need + ' (' + style.color + ' on rgb(' + bg.r + ',' + bg.g + ',' + bg.b + ')): ' + describe(e));
            }
            return problems.slice(0, 20);
            """;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void fitsThePageAndReads(Documents document, View view) throws IOException {
        Path html = document.html();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        boolean landscape = text.contains("@page{size:landscape;");
        ChromeDriver browser = Browser.get();
        int width = view.pageWidth(landscape);
        Browser.emulate(browser, width, view.print, view.dark);
        Browser.open(browser, html);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.executeScript(CHECKS, width);
        Browser.screenshot(browser, Documents.OUT.resolve(document.name() + "-" + view.name().toLowerCase() + ".png"));
        assertThat(problems).as("%s seen %s at %d px", document, view, width).isEmpty();
        if (view.print) {
            byte[] pdf = Browser.print(browser, landscape ? view.paperHeight : view.paperWidth, landscape ? view.paperWidth : view.paperHeight);
            try (PDDocument printed = Loader.loadPDF(pdf)) {
                String words = new PDFTextStripper().getText(printed);
                assertThat(words).as("%s printed on %s", document, view).contains("Where this document comes from")
                        .contains("Page 1 of " + printed.getNumberOfPages());
                if (text.contains("class=\"watermark\"")) {
                    assertThat(words).contains("DRAFT, not to be signed");
                }
                PDFRenderer pages = new PDFRenderer(printed);
                for (int i = 0; i < Math.min(2, printed.getNumberOfPages()); i++) {
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ImageIO.write(pages.renderImageWithDPI(i, 60), "png", png);
                    Files.write(Documents.OUT.resolve(document.name() + "-print-" + view.name().toLowerCase() + "-p" + (i + 1) + ".png"),
                            png.toByteArray());
                }
            }
        }
    }
}
