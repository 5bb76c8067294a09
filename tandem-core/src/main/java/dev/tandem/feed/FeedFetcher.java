package dev.tandem.feed;

import dev.tandem.advisory.EpssReader;
import dev.tandem.advisory.KevReader;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.ZipFile;

/**
 * Fetches feeds into a cache folder. A URL is asked for with the validators of the cached copy
 * (If-None-Match, If-Modified-Since); a new body is streamed to a partial file, checked (the length
 * the server announced, every digest it states, a pinned SHA-256, and the content's own structure:
 * a readable zip, a KEV catalogue, an EPSS file) and only then moved over the cached copy. Refused
 * connections, timeouts, a stalled body, 408/425/429/5xx and failed checks are retried with a
 * doubling backoff (or the server's Retry-After); a feed that still fails is an
 * {@link InputException} naming its URL. A local path is used where it is.
 */
public final class FeedFetcher implements AutoCloseable {

    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);

    private final FetchSettings settings;
    private final FeedListener listener;
    private final HttpClient client;
    private final ScheduledExecutorService watchdog;

    public FeedFetcher(FetchSettings settings, FeedListener listener) {
        this.settings = settings;
        this.listener = listener == null ? FeedListener.NONE : listener;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tandem-feed-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Brings one feed up to date.
     *
     * @param cacheFile where the cached copy of a URL feed lives (unused for a local path)
     * @param previous  what the cache remembers of the feed, or null
     */
    public Fetched fetch(String feed, Feed source, FeedKind kind, Path cacheFile, FeedState.Entry previous)
            throws InputException {
        return fetch(feed, source, kind, cacheFile, previous, null);
    }

    /**
     * Like {@link #fetch(String, Feed, FeedKind, Path, FeedState.Entry)}, checking an NVD feed's
     * content against what its {@code .meta} states ({@code meta} null: no meta published).
     */
    public Fetched fetch(String feed, Feed source, FeedKind kind, Path cacheFile, FeedState.Entry previous, FeedMeta meta)
            throws InputException {
        return switch (source.source()) {
            case FeedSource.Local local -> {
                Fetched fetched = local(feed, source, local.path());
                if (meta != null) {
                    try {
                        checkNvd(local.path(), meta);
                    } catch (Integrity e) {
                        throw new InputException(local.path(), InputPosition.UNKNOWN, e.getMessage());
                    } catch (IOException e) {
                        throw new InputException(local.path(), InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
                    }
                    yield withVerified(fetched, "meta");
                }
                yield fetched;
            }
            case FeedSource.Remote remote -> remote(feed, source, kind, remote, cacheFile, previous, false, meta);
        };
    }

    /**
     * Like {@link #fetch}, but a URL the server does not have (404, 410) is empty instead of an error:
     * for the ecosystems of a published list, one of which may have no export yet.
     */
    public java.util.Optional<Fetched> fetchIfPresent(String feed, Feed source, FeedKind kind, Path cacheFile,
            FeedState.Entry previous) throws InputException {
        return switch (source.source()) {
            case FeedSource.Local local -> java.util.Optional.of(local(feed, source, local.path()));
            case FeedSource.Remote remote -> java.util.Optional.ofNullable(remote(feed, source, kind, remote, cacheFile,
                    previous, true, null));
        };
    }

    private static Fetched withVerified(Fetched fetched, String check) {
        List<String> verified = new ArrayList<>(fetched.verified());
        verified.add(check);
        return new Fetched(fetched.feed(), fetched.source(), fetched.file(), fetched.status(), fetched.size(),
                fetched.sha256(), fetched.etag(), fetched.lastModified(), verified);
    }

    private Fetched local(String feed, Feed source, Path path) throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(path, InputPosition.UNKNOWN, "no such file or folder");
        }
        try {
            String sha256 = Files.isDirectory(path) ? folderDigest(path) : sha256(path);
            if (source.sha256() != null && !source.sha256().equals(sha256)) {
                throw new InputException(path, InputPosition.UNKNOWN, "SHA-256 " + sha256 + ", but the feeds file pins "
                        + source.sha256());
            }
            listener.finished(feed);
            return new Fetched(feed, path.toString(), path, Fetched.Status.LOCAL,
                    Files.isDirectory(path) ? 0 : Files.size(path), sha256, null, null,
                    source.sha256() == null ? List.of() : List.of("sha256"));
        } catch (IOException e) {
            throw new InputException(path, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        }
    }

    private Fetched remote(String feed, Feed source, FeedKind kind, FeedSource.Remote remote, Path cacheFile,
            FeedState.Entry previous, boolean mayBeMissing, FeedMeta meta) throws InputException {
        String url = remote.text();
        boolean conditional = previous != null && previous.source().equals(url) && Files.isRegularFile(cacheFile);
        String lastProblem = "";
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration wait = backoff(attempt);
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(remote.uri()).GET()
                        .timeout(settings.stallTimeout())
                        .header("User-Agent", settings.userAgent());
                if (conditional && previous.etag() != null) {
                    request.header("If-None-Match", previous.etag());
                }
                if (conditional && previous.lastModified() != null) {
                    request.header("If-Modified-Since", previous.lastModified());
                }
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 304 && conditional) {
                    response.body().close();
                    listener.finished(feed);
                    return new Fetched(feed, url, cacheFile, Fetched.Status.NOT_MODIFIED, previous.size(), previous.sha256(),
                            response.headers().firstValue("etag").orElse(previous.etag()),
                            response.headers().firstValue("last-modified").orElse(previous.lastModified()), List.of());
                }
                if (status == 200) {
                    Fetched fetched = download(feed, source, kind, url, response, cacheFile, previous, meta);
                    listener.finished(feed);
                    return fetched;
                }
                response.body().close();
                if (mayBeMissing && (status == 404 || status == 410)) {
                    listener.finished(feed);
                    return null;
                }
                if (!RETRYABLE.contains(status)) {
                    listener.finished(feed);
                    throw new InputException(url, InputPosition.UNKNOWN, "HTTP " + status + describe(status));
                }
                lastProblem = "HTTP " + status + describe(status);
                wait = retryAfter(response).orElse(wait);
            } catch (TooLarge e) {
                listener.finished(feed);
                throw new InputException(url, InputPosition.UNKNOWN, e.getMessage()); // the same next time: not retried
            } catch (IOException e) {
                lastProblem = problem(e);
            } catch (Integrity e) {
                lastProblem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException(url, InputPosition.UNKNOWN, "interrupted");
            }
            if (attempt < settings.retries()) {
                sleep(url, wait);
            }
        }
        listener.finished(feed);
        int attempts = settings.retries() + 1;
        throw new InputException(url, InputPosition.UNKNOWN, "failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + lastProblem);
    }

    /** Streams the body to a partial file, checks it, and only then replaces the cached copy. */
    private Fetched download(String feed, Feed source, FeedKind kind, String url, HttpResponse<InputStream> response,
            Path cacheFile, FeedState.Entry previous, FeedMeta meta) throws IOException, Integrity {
        long announced = response.headers().firstValueAsLong("content-length").orElse(-1);
        if (announced > settings.maxBytes()) {
            response.body().close();
            throw new TooLarge("announces " + announced + " bytes, more than the limit of " + settings.maxBytes());
        }
        listener.started(feed, announced);
        Files.createDirectories(cacheFile.toAbsolutePath().getParent());
        Path partial = cacheFile.resolveSibling(cacheFile.getFileName() + ".partial");
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        CRC32C crc32c = new CRC32C();
        long size = 0;
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        InputStream body = response.body();
        // The HTTP client has no read timeout: a body that stops arriving is closed by the watchdog, and retried.
        ScheduledFuture<?> guard = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastProgress.get() > settings.stallTimeout().toNanos()) {
                try {
                    body.close();
                } catch (IOException e) {
                    // closing is what we wanted; the read sees it
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        try (InputStream in = body; OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                lastProgress.set(System.nanoTime());
                size += n;
                if (size > settings.maxBytes()) {
                    throw new TooLarge("more than the limit of " + settings.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
                md5.update(buffer, 0, n);
                crc32c.update(buffer, 0, n);
                listener.progressed(feed, size);
            }
        } catch (IOException | Integrity e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            guard.cancel(false);
        }
        try {
            List<String> verified = new ArrayList<>();
            if (announced >= 0) {
                if (size != announced) {
                    throw new Integrity("cut short: " + size + " of " + announced + " bytes arrived");
                }
                verified.add("length");
            }
            Map<String, byte[]> computed = new LinkedHashMap<>();
            computed.put("sha-256", sha256.digest());
            computed.put("md5", md5.digest());
            long crc = crc32c.getValue();
            computed.put("crc32c", new byte[] {(byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
            Map<String, byte[]> stated = ServerDigests.of(response.headers());
            List<String> wrong = ServerDigests.mismatches(stated, computed);
            if (!wrong.isEmpty()) {
                throw new Integrity("the body does not match the server's " + String.join(" and ", wrong) + " digest");
            }
            stated.keySet().stream().filter(computed::containsKey).forEach(verified::add);
            String hex = HexFormat.of().formatHex(computed.get("sha-256"));
            if (source.sha256() != null) {
                if (!source.sha256().equals(hex)) {
                    throw new Integrity("SHA-256 " + hex + ", but the feeds file pins " + source.sha256());
                }
                verified.add("sha256");
            }
            checkContent(kind, url, partial);
            verified.add("content");
            if (kind == FeedKind.NVD_GZ && meta != null) {
                checkNvd(partial, meta);
                verified.add("meta");
            }
            Files.move(partial, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            boolean same = previous != null && hex.equals(previous.sha256());
            return new Fetched(feed, url, cacheFile, same ? Fetched.Status.UNCHANGED : Fetched.Status.DOWNLOADED, size, hex,
                    response.headers().firstValue("etag").orElse(null),
                    response.headers().firstValue("last-modified").orElse(null), verified);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The content's own structure: the checks that catch an error page served as a feed. */
    private static void checkContent(FeedKind kind, String url, Path file) throws IOException, Integrity {
        switch (kind) {
            case OSV_ZIP -> {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    zip.size(); // the central directory was read: the archive is whole
                } catch (java.util.zip.ZipException e) {
                    throw new Integrity("not a zip archive (" + e.getMessage() + ")");
                }
            }
            case ECOSYSTEM_LIST -> {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.isBlank() || text.contains("<") || text.contains("\u0000")) {
                    throw new Integrity("not a list of ecosystem names");
                }
            }
            case KEV -> {
                try {
                    KevReader.read(url, Files.readAllBytes(file));
                } catch (InputException e) {
                    throw new Integrity("not a KEV catalogue: " + e.getMessage());
                }
            }
            case EPSS -> {
                try {
                    EpssReader.read(url, Files.readAllBytes(file));
                } catch (InputException e) {
                    throw new Integrity("not an EPSS file: " + e.getMessage());
                }
            }
            case NVD_GZ -> checkNvd(file, null);
            case NVD_META -> {
                try {
                    FeedMeta.read(url, Files.readAllBytes(file));
                } catch (InputException e) {
                    throw new Integrity(e.getMessage());
                }
            }
        }
    }

    /**
     * An NVD feed is whole gzip around a JSON object; with its meta, the compressed size, the
     * uncompressed size and the uncompressed SHA-256 must be what the meta states (the NVD states
     * the digest of the JSON, not of the .gz).
     */
    private static void checkNvd(Path file, FeedMeta meta) throws IOException, Integrity {
        if (meta != null && meta.gzSize() >= 0 && Files.size(file) != meta.gzSize()) {
            throw new Integrity("the .json.gz has " + Files.size(file) + " bytes, its .meta says " + meta.gzSize());
        }
        MessageDigest sha256 = digest("SHA-256");
        long size = 0;
        int first = -1;
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0;) {
                for (int i = 0; first < 0 && i < n; i++) {
                    if (!Character.isWhitespace(buffer[i])) {
                        first = buffer[i];
                    }
                }
                sha256.update(buffer, 0, n);
                size += n;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new Integrity("not a whole gzip file (" + e.getMessage() + ")");
        }
        if (first != '{') {
            throw new Integrity("not an NVD feed: the uncompressed content is not a JSON object");
        }
        if (meta == null) {
            return;
        }
        if (meta.size() >= 0 && size != meta.size()) {
            throw new Integrity("the uncompressed feed has " + size + " bytes, its .meta says " + meta.size());
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        if (!hex.equals(meta.sha256())) {
            throw new Integrity("the uncompressed feed's SHA-256 is " + hex + ", its .meta says " + meta.sha256());
        }
    }

    /** A transfer failure in words: the JDK's messages are often empty or name only the exception. */
    private static String problem(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof java.net.UnknownHostException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof java.net.UnknownHostException || e instanceof java.net.UnknownHostException) {
            return "unknown host (no network, or a wrong name)";
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "timed out connecting";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out waiting for the server";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect (connection refused, or no network)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private Duration backoff(int attempt) {
        Duration delay = settings.backoff().multipliedBy(1L << Math.min(attempt, 16));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    /** Retry-After in seconds (an HTTP date is treated as the default backoff: reading the clock is the caller's). */
    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                .map(d -> d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d);
    }

    private static void sleep(String url, Duration wait) throws InputException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(url, InputPosition.UNKNOWN, "interrupted");
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> " (access refused)";
            case 404 -> " (not found)";
            case 410 -> " (gone)";
            case 429 -> " (too many requests)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A digest of a folder's files (relative path, size, modification time): enough to notice a local mirror changed. */
    private static String folderDigest(Path folder) throws IOException {
        MessageDigest digest = digest("SHA-256");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String line = folder.relativize(file) + "\u0000" + Files.size(file) + "\u0000"
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (NoSuchFileException e) {
            throw e;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close();
    }

    /** A body that arrived but fails a check: retried like a failed transfer. */
    static class Integrity extends Exception {
        Integrity(String message) {
            super(message);
        }
    }

    /** A body over the size limit: it would be again, so it is not retried. */
    static final class TooLarge extends Integrity {
        TooLarge(String message) {
            super(message);
        }
    }
}
