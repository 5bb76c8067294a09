package dev.tandem.server.http;

import dev.tandem.server.auth.Caller;
import io.javalin.http.Context;

/** What the API's filter put on a request. */
final class Requests {

    static final String CALLER = "tandem.caller";

    private Requests() {
    }

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller on an authenticated route");
        }
        return caller;
    }

    static void json(Context ctx, int status, Object node) {
        ctx.status(status).contentType("application/json").result(node.toString());
    }
}
