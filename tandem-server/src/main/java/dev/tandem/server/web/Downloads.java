package dev.tandem.server.web;

import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Documents;
import dev.tandem.server.store.Refusal;
import io.javalin.http.Context;

/** Kept documents served to a session, as uploaded: the pages' links cannot send the API's Bearer key. */
final class Downloads {

    private Downloads() {
    }

    /** The document {@code name} of {@code kind} in the caller's organisation, or 404 naming {@code what}. */
    static void document(Context ctx, Services services, Caller caller, String kind, String name, String what) {
        Documents.StoredDocument document = services.documents().list(caller, kind).stream()
                .filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound(what));
        ctx.status(200).contentType(document.mediaType().isBlank() ? "application/octet-stream" : document.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + fileName(name) + "\"")
                .result(services.documents().content(caller, kind, name));
    }

    /** A file name safe inside a quoted header value. */
    static String fileName(String name) {
        return name.replaceAll("[\"\\\\\r\n]", "_");
    }
}
