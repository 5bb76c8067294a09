package dev.tandem.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's server over the bundled examples, as a JUnit extension ({@code @RegisterExtension
 * static final ExamplesServer server = new ExamplesServer("label")}): started before the class's tests
 * on a fresh database, closed after them; called as a {@link TestServer} is, with the admin key at hand.
 */
public final class ExamplesServer implements BeforeAllCallback, AfterAllCallback {

    private final String label;
    private TestServer server;
    private String admin;

    public ExamplesServer(String label) {
        this.label = label;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(label, true);
        admin = server.adminKey();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** The admin API key of the organisation the examples were loaded into. */
    public String admin() {
        return admin;
    }

    public TandemServer server() {
        return server.server();
    }

    public TestServer.Response call(String method, String path, String key, String contentType, byte[] body) {
        return server.call(method, path, key, contentType, body);
    }

    public TestServer.Response get(String path, String key) {
        return server.get(path, key);
    }

    public TestServer.Response json(String method, String path, String key, String json) {
        return server.json(method, path, key, json);
    }

    /** {@code response}, once it conforms to the OpenAPI document's {@code method} {@code template}. */
    public static TestServer.Response checked(String method, String template, TestServer.Response response) {
        OpenApiContract.assertConforms(method, template, response);
        return response;
    }
}
