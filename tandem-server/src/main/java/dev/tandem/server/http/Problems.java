package dev.tandem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * RFC 9457 problem documents ({@code application/problem+json}): {@code type} (about:blank: the
 * status says what kind of problem it is), {@code title} (the status phrase), {@code status},
 * {@code detail} (what was wrong, for a person) and {@code instance} (the request path), plus
 * members that help a client act ({@code source}, {@code line}, {@code column} for a malformed
 * document). Never a stack trace.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void write(Context ctx, int status, String detail, Map<String, Object> extensions) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.forStatus(status).getMessage());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", ctx.path());
        extensions.forEach((key, value) -> problem.set(key, JSON.valueToTree(value)));
        ctx.status(status).contentType(MEDIA_TYPE).result(problem.toString());
    }

    public static void write(Context ctx, int status, String detail) {
        write(ctx, status, detail, Map.of());
    }
}
