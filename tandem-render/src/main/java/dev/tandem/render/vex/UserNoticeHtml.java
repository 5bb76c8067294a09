package dev.tandem.render.vex;

import dev.tandem.csaf.CsafDocument;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.markup.Html;
import dev.tandem.usecase.vex.UserNoticeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRA Art. 14(8) user notice as one self-contained, printable HTML page (inline CSS, no scripts):
 * per actively exploited vulnerability, the products affected and fixed, and what users must do; the
 * legal text quoted from the catalog with its source. Drawn from the same CSAF document as the JSON.
 */
final class UserNoticeHtml implements TextRenderer<UserNoticeResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(UserNoticeResult result, PrintWriter writer) {
        CsafDocument csaf = result.advisory().document();
        CsafDocument.Document document = csaf.document();
        Map<String, String> names = names(csaf.productTree());
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(document.title()))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
                        + ".kev{border-left:4px solid #a40000;padding:.3rem .8rem;background:#fff0f0}.src{color:#555;font-size:.85em}"
                        + "h2{margin-top:2rem}li{margin:.2rem 0}@media print{.kev{background:none}}</style>\n</head>\n<body>\n");
        out.append("<h1>").append(esc(document.title())).append("</h1>\n");
        out.append("<p>").append(esc(document.publisher().name())).append(" &middot; ").append(esc(document.tracking().id()))
                .append(" version ").append(esc(document.tracking().version())).append(" &middot; ")
                .append(esc(document.tracking().currentReleaseDate())).append(" &middot; status ")
                .append(esc(document.tracking().status())).append("</p>\n");
        if (csaf.vulnerabilities().isEmpty()) {
            out.append("<p>No actively exploited vulnerability affects these products.</p>\n");
        }
        for (CsafDocument.Vulnerability vulnerability : csaf.vulnerabilities()) {
            String id = vulnerability.cve() != null ? vulnerability.cve() : vulnerability.ids().get(0).text();
            out.append("<h2>").append(esc(id)).append(vulnerability.title() == null ? "" : ": " + esc(vulnerability.title()))
                    .append("</h2>\n");
            vulnerability.threats().stream().filter(t -> t.category().equals("exploit_status"))
                    .forEach(t -> out.append("<p class=\"kev\">").append(esc(t.details())).append("</p>\n"));
            CsafDocument.ProductStatus status = vulnerability.productStatus();
            list(out, "Affected", status.knownAffected(), names);
            list(out, "Under investigation", status.underInvestigation(), names);
            list(out, "Fixed in", status.fixed(), names);
            if (!vulnerability.remediations().isEmpty()) {
                out.append("<h3>What you must do</h3>\n<ul>\n");
                for (CsafDocument.Remediation remediation : vulnerability.remediations()) {
                    out.append("<li>").append(esc(remediation.details())).append(" <span class=\"src\">(")
                            .append(esc(remediation.category().replace('_', ' '))).append(")</span></li>\n");
                }
                out.append("</ul>\n");
            }
        }
        out.append("<h2>Why you receive this notice</h2>\n");
        out.append("<p>").append(esc(result.notice().text())).append("</p>\n");
        out.append("<p class=\"src\">Source: ").append(esc(result.notice().source())).append(" (confidence ")
                .append(esc(result.notice().confidence().name())).append("). Catalog: ").append(esc(result.catalog().label()))
                .append(". The machine-readable form of this notice is the CSAF document ").append(esc(result.advisory().fileName()))
                .append(".</p>\n</body>\n</html>\n");
        writer.print(out);
    }

    private static void list(StringBuilder out, String heading, List<String> ids, Map<String, String> names) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        out.append("<p><strong>").append(esc(heading)).append(":</strong></p>\n<ul>\n");
        for (String id : ids) {
            out.append("<li>").append(esc(names.getOrDefault(id, id))).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** Product id to name, for every product of the tree. */
    private static Map<String, String> names(CsafDocument.ProductTree tree) {
        Map<String, String> names = new HashMap<>();
        List<CsafDocument.Branch> pending = new ArrayList<>(tree.branches());
        while (!pending.isEmpty()) {
            CsafDocument.Branch branch = pending.remove(pending.size() - 1);
            if (branch.product() != null) {
                names.put(branch.product().productId(), branch.product().name());
            }
            pending.addAll(branch.branches());
        }
        tree.fullProductNames().forEach(p -> names.put(p.productId(), p.name()));
        tree.relationships().forEach(r -> names.put(r.fullProductName().productId(), r.fullProductName().name()));
        return names;
    }

    private static String esc(String text) {
        return Html.escape(text == null ? "" : text);
    }
}
