package dev.tandem.server.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Bulk rows through PostgreSQL's COPY (text format) in the caller's transaction: the 10,000
 * components of an SBOM and the thousands of findings of a release go in one round trip without
 * binding arrays element by element.
 */
final class CopyRows {

    private final StringBuilder data = new StringBuilder(1 << 16);
    private boolean rowStarted;

    /** Adds a value to the current row. */
    CopyRows value(Object value) {
        if (rowStarted) {
            data.append('\t');
        }
        rowStarted = true;
        String text = value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                case '\t' -> data.append("\\t");
                // PostgreSQL text holds no NUL character: it is kept visible as the replacement character.
                case '\0' -> data.append('\uFFFD');
                default -> data.append(c);
            }
        }
        return this;
    }

    /** Adds a text array value ({@code {"a","b"}}, each element quoted) to the current row. */
    CopyRows array(java.util.List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return value(literal.append('}').toString());
    }

    /** Ends the current row. */
    CopyRows endRow() {
        data.append('\n');
        rowStarted = false;
        return this;
    }

    /** Runs {@code COPY table (columns) FROM STDIN} with the rows added. */
    long copy(Handle h, String table, String columns) {
        try {
            Connection connection = h.getConnection();
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(data.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
