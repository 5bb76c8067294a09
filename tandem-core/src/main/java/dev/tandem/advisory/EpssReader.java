package dev.tandem.advisory;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads FIRST's daily EPSS file ({@code epss_scores-YYYY-MM-DD.csv.gz}, gzip-compressed or not): an
 * optional first line {@code #model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z}, the header
 * {@code cve,epss,percentile} (columns in any order, others ignored) and one row per CVE. Every
 * defect — a truncated archive, a missing column, a score outside [0, 1], a CVE listed twice — is an
 * {@link InputException} naming the file and line: a broken download must not look like low scores.
 */
public final class EpssReader {

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** No EPSS line comes near this; a longer one is not an EPSS file. */
    private static final int MAX_LINE = 4096;

    private EpssReader() {
    }

    /** Reads one EPSS file; {@code source} names it in errors and in the table. */
    public static EpssTable read(String source, byte[] content) throws InputException {
        return read(source, content, InputLimits.DEFAULT);
    }

    /** Reads one EPSS file under {@code limits} (the decompressed text may not exceed the document limit). */
    public static EpssTable read(String source, byte[] content, InputLimits limits) throws InputException {
        boolean gzip = content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B;
        try (InputStream raw = gzip ? new GZIPInputStream(new ByteArrayInputStream(content), 64 * 1024)
                : new ByteArrayInputStream(content)) {
            InputStream bounded = new BoundedStream(raw, limits.maxDocumentBytes(), source);
            BufferedReader lines = new BufferedReader(new InputStreamReader(bounded, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
            return new Parse(source).run(lines);
        } catch (ZipException | EOFException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "the gzip data is corrupt or cut short ("
                    + e.getMessage() + "); download the file again", e);
        } catch (CharacterCodingException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "not UTF-8 text, so not an EPSS file", e);
        } catch (TooLarge e) {
            throw e.error;
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        }
    }

    /** One pass over the lines, collecting rows and remembering each row's line for errors. */
    private static final class Parse {
        private final String source;
        private String modelVersion = "";
        private LocalDate scoreDate;
        private long[] keys = new long[1024];
        private double[] scores = new double[1024];
        private double[] percentiles = new double[1024];
        private int[] lineOf = new int[1024];
        private int rows;

        Parse(String source) {
            this.source = source;
        }

        EpssTable run(BufferedReader in) throws IOException, InputException {
            int line = 0;
            int cveColumn = -1;
            int scoreColumn = -1;
            int percentileColumn = -1;
            int columns = 0;
            String text;
            while ((text = readLine(in, line + 1)) != null) {
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (text.startsWith("#")) {
                    if (cveColumn >= 0) {
                        throw error(line, 1, "a comment line after the header");
                    }
                    metadata(text.substring(1), line);
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cveColumn < 0) {
                    for (int i = 0; i < cells.length; i++) {
                        switch (cells[i].strip().toLowerCase(Locale.ROOT)) {
                            case "cve" -> cveColumn = i;
                            case "epss" -> scoreColumn = i;
                            case "percentile" -> percentileColumn = i;
                            default -> { }
                        }
                    }
                    if (cveColumn < 0 || scoreColumn < 0 || percentileColumn < 0) {
                        throw error(line, 1, "expected the header cve,epss,percentile, found \"" + shorten(text) + "\"");
                    }
                    columns = cells.length;
                    continue;
                }
                if (cells.length != columns) {
                    throw error(line, 1, "expected " + columns + " columns, found " + cells.length);
                }
                String cve = cells[cveColumn].strip();
                long key = CveKey.of(cve);
                if (key < 0) {
                    throw error(line, column(cells, cveColumn), "\"" + shorten(cve) + "\" is not a CVE id");
                }
                double score = probability(cells, scoreColumn, line, "epss");
                double percentile = probability(cells, percentileColumn, line, "percentile");
                add(key, score, percentile, line);
            }
            if (cveColumn < 0) {
                throw error(Math.max(line, 1), 1, "empty: no header cve,epss,percentile and no scores");
            }
            return table();
        }

        /**
         * The next line without its terminator, or null at the end; a line longer than {@link #MAX_LINE}
         * is refused as soon as it is, so a decompressed run without line breaks never becomes one huge string.
         */
        private String readLine(BufferedReader in, int number) throws IOException, InputException {
            StringBuilder text = new StringBuilder(128);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    break;
                }
                if (text.length() == MAX_LINE) {
                    throw error(number, 1, "line " + number + " is longer than " + MAX_LINE + " characters; not an EPSS file");
                }
                text.append((char) c);
            }
            if (c < 0 && text.isEmpty()) {
                return null;
            }
            int end = text.length();
            return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
        }

        /** {@code model_version:v2025.03.14,score_date:2025-03-14T00:00:00+0000}; unknown keys are kept out, not refused. */
        private void metadata(String text, int line) throws InputException {
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = pair.substring(0, colon).strip();
                String value = pair.substring(colon + 1).strip();
                if (key.equals("model_version")) {
                    modelVersion = value;
                } else if (key.equals("score_date")) {
                    scoreDate = date(value, line);
                }
            }
        }

        private LocalDate date(String value, int line) throws InputException {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value);
                }
                // FIRST has written both "…T00:00:00Z" and "…T00:00:00+0000".
                String iso = value.matches(".*[+-]\\d{4}$")
                        ? value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2) : value;
                return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                throw error(line, 1, "score_date \"" + shorten(value) + "\" is not a date");
            }
        }

        private double probability(String[] cells, int column, int line, String name) throws InputException {
            String cell = cells[column].strip();
            if (!DECIMAL.matcher(cell).matches()) {
                throw error(line, column(cells, column), name + " \"" + shorten(cell) + "\" is not a number");
            }
            double value = Double.parseDouble(cell);
            if (value < 0 || value > 1) {
                throw error(line, column(cells, column), name + " " + cell + " is outside [0, 1]");
            }
            return value;
        }

        private void add(long key, double score, double percentile, int line) {
            if (rows == keys.length) {
                int size = rows * 2;
                keys = Arrays.copyOf(keys, size);
                scores = Arrays.copyOf(scores, size);
                percentiles = Arrays.copyOf(percentiles, size);
                lineOf = Arrays.copyOf(lineOf, size);
            }
            keys[rows] = key;
            scores[rows] = score;
            percentiles[rows] = percentile;
            lineOf[rows] = line;
            rows++;
        }

        private EpssTable table() throws InputException {
            boolean sorted = true;
            for (int i = 1; i < rows && sorted; i++) {
                sorted = keys[i] > keys[i - 1];
            }
            long[] k = Arrays.copyOf(keys, rows);
            double[] s = Arrays.copyOf(scores, rows);
            double[] p = Arrays.copyOf(percentiles, rows);
            int[] l = Arrays.copyOf(lineOf, rows);
            if (!sorted) {
                // FIRST sorts by the id's text, so CVE-2021-10000 comes before CVE-2021-9999.
                Integer[] order = new Integer[rows];
                for (int i = 0; i < rows; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingLong((Integer i) -> keys[i]).thenComparingInt(i -> lineOf[i]));
                for (int i = 0; i < rows; i++) {
                    k[i] = keys[order[i]];
                    s[i] = scores[order[i]];
                    p[i] = percentiles[order[i]];
                    l[i] = lineOf[order[i]];
                }
            }
            for (int i = 1; i < rows; i++) {
                if (k[i] == k[i - 1]) {
                    throw error(l[i], 1, CveKey.text(k[i]) + " is listed twice (lines " + l[i - 1] + " and " + l[i] + ")");
                }
            }
            return new EpssTable(source, modelVersion, scoreDate, k, s, p);
        }

        private static int column(String[] cells, int index) {
            int column = 1;
            for (int i = 0; i < index; i++) {
                column += cells[i].length() + 1;
            }
            return column;
        }

        private InputException error(int line, int column, String problem) {
            return new InputException(source, InputPosition.at(line, column), problem);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Thrown by the bounded stream and unwrapped by {@link #read}: a decompression bomb stops at the limit. */
    private static final class TooLarge extends IOException {
        final InputException error;

        TooLarge(InputException error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    /** Counts what is read and stops past the limit. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private final long limit;
        private final String source;
        private long count;

        BoundedStream(InputStream in, long limit, String source) {
            super(in);
            this.limit = limit;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new TooLarge(new InputException(source, InputPosition.UNKNOWN,
                        "more than " + limit + " bytes of text once decompressed; not an EPSS file"));
            }
        }
    }
}
