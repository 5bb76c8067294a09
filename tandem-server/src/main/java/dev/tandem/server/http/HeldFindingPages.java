package dev.tandem.server.http;

import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.Findings;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a findings page whose items the findings cache holds, as cheaply as the API allows: the body
 * assembled once into an array of its exact size and written to the servlet output in one call with its
 * {@code Content-Length} (not through Javalin's result stream, which copies it in 32 KB pieces and sends
 * it chunked); an {@code ETag} naming the release, the held version and the query, so a client that
 * sends it back in {@code If-None-Match} gets 304 without a body; and, for a client that asks for gzip,
 * a gzip form compressed once and held (bounded), not compressed again on every request.
 */
final class HeldFindingPages {

    private static final Logger LOG = LoggerFactory.getLogger(HeldFindingPages.class);

    /** The bound of the held gzip forms: a few hundred pages of 100 findings (about 20 KB each). */
    static final long GZIP_BYTES = 16L << 20;

    /** Pages up to this size are copied into a buffer kept by the request's thread (about 2.5 pages of 100). */
    static final int REUSED_BYTES = 256 << 10;
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

    /** Smaller pages go as they are, as Javalin does for every other response: one packet either way. */
    static final int MIN_GZIP = 1500;

    private final long gzipBudget;
    private final LinkedHashMap<String, byte[]> gzipped = new LinkedHashMap<>(64, 0.75f, true);
    private long gzippedBytes;

    HeldFindingPages(long gzipBudget) {
        this.gzipBudget = gzipBudget;
    }

    /** Answers {@code ctx} with {@code page} (held items: {@code page.json()} is not null). */
    void write(Context ctx, Portfolio.FindingPage page, Findings.Filter filter) {
        byte[] head = Views.heldPageHead(page);
        int length = Views.heldPageLength(page, head);
        boolean gzip = length >= MIN_GZIP && acceptsGzip(ctx.header("Accept-Encoding"));
        // A strong tag names one representation: the gzip form has its own (RFC 9110 8.8.3).
        String etag = gzip ? gzipTag(etag(page, filter)) : etag(page, filter);
        HttpServletResponse res = ctx.res();
        // The response is committed by the write below, before Javalin's after-handlers run: their headers first.
        Api.SECURITY_HEADERS.forEach(res::setHeader);
        res.setHeader("ETag", etag);
        res.setHeader("Cache-Control", "private, no-cache");
        res.setHeader("Vary", "Accept-Encoding");
        boolean notModified = matches(ctx.header("If-None-Match"), etag);
        byte[] body = null;
        if (gzip) {
            body = gzipped(etag, page, head, length);
            length = body.length;
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentType("application/json");
        // On a 304 too: RFC 9110 8.6 allows Content-Length there only as the length a 200 would have sent (Jetty
        // would otherwise write 0).
        res.setContentLength(length);
        if (notModified) {
            res.setStatus(304);
            return;
        }
        res.setStatus(200);
        if (Api.headersOnly(ctx)) {
            return; // HEAD: the GET's headers, its length included, and no body
        }
        if (body == null) {
            // The identity form is copied into this thread's buffer, not a new array per page: the page arrays
            // were four fifths of the server's allocation under the read load, and their garbage collections
            // part of the tail. The write below blocks until Jetty has sent the bytes, so the buffer is free after.
            body = length <= REUSED_BYTES ? buffer(length) : new byte[length];
            Views.copyHeldPage(page, head, body);
        }
        try {
            res.getOutputStream().write(body, 0, length);
        } catch (IOException e) {
            // The client went away mid-response: nothing to answer, and not the server's fault.
            LOG.debug("a findings page was not delivered: {}", e.toString());
        }
    }

    /**
     * The page's entity tag: the release, the version of its findings the page was cut from and the query
     * (suppressed, severity, known exploited, offset, limit), written out (base 36), not digested: every part is
     * in it, so two requests with the same tag get the same bytes, on any instance. A digest cost more per
     * request than the rest of the handler's bookkeeping.
     */
    static String etag(Portfolio.FindingPage page, Findings.Filter filter) {
        return "\"f" + Long.toString(page.release().id(), 36) + "." + Long.toString(page.version(), 36) + "."
                + (filter.includeSuppressed() ? "a" : "o") + (filter.knownExploited() == null ? "" : filter.knownExploited()
                        ? "k" : "n") + "." + (filter.severity() == null ? "" : filter.severity()) + "."
                + Integer.toString(filter.offset(), 36) + "." + Integer.toString(filter.limit(), 36) + "\"";
    }

    /** The tag of the gzip form of the page tagged {@code etag}. */
    static String gzipTag(String etag) {
        return etag.substring(0, etag.length() - 1) + ".gz\"";
    }

    /** RFC 9110 13.1.2: {@code *}, or any listed tag equal to {@code etag} by the weak comparison. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code Accept-Encoding} lists gzip (or {@code *}) with a non-zero quality. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String candidate : acceptEncoding.split(",")) {
            String[] parts = candidate.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2).strip()) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    /** The held gzip form of {@code page}, tagged {@code etag}: compressed the first time, held after. */
    private byte[] gzipped(String etag, Portfolio.FindingPage page, byte[] head, int length) {
        synchronized (gzipped) {
            byte[] held = gzipped.get(etag);
            if (held != null) {
                return held;
            }
        }
        byte[] body = new byte[length];
        Views.copyHeldPage(page, head, body);
        return gzipped(etag, body);
    }

    /** The held gzip form of the page tagged {@code etag}, compressing {@code body} the first time. */
    byte[] gzipped(String etag, byte[] body) {
        synchronized (gzipped) {
            byte[] held = gzipped.get(etag);
            if (held != null) {
                return held;
            }
        }
        byte[] compressed = gzip(body);
        synchronized (gzipped) {
            byte[] raced = gzipped.get(etag);
            if (raced != null) {
                return raced;
            }
            if (compressed.length <= gzipBudget) {
                gzipped.put(etag, compressed);
                gzippedBytes += compressed.length;
                var oldest = gzipped.entrySet().iterator();
                while (gzippedBytes > gzipBudget && oldest.hasNext()) {
                    gzippedBytes -= oldest.next().getValue().length;
                    oldest.remove();
                }
            }
        }
        return compressed;
    }

    /** This thread's buffer, at least {@code length} bytes (grown to at most {@link #REUSED_BYTES}). */
    private static byte[] buffer(int length) {
        byte[] buffer = BUFFERS.get();
        if (buffer == null || buffer.length < length) {
            buffer = new byte[Math.min(REUSED_BYTES, Math.max(length, 128 << 10))];
            BUFFERS.set(buffer);
        }
        return buffer;
    }

    /** How many gzip forms are held (for tests). */
    int gzippedPages() {
        synchronized (gzipped) {
            return gzipped.size();
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
