package dev.tandem.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON factory behind every Tandem mapper: its parsers hold the per-string limit for every string
 * of the document, also those a reader skips. Jackson checks the limit only for strings it decodes;
 * a skipped value (an unknown field, an ignored section) was stepped over unchecked, so a 1 GB string
 * in a field nobody reads went through although the docs promise a limit per string.
 */
final class CheckedJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    CheckedJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private CheckedJsonFactory(CheckedJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new CheckedJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new CheckedParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new CheckedParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new CheckedParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new CheckedParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new CheckedParser(super._createParser(input, context));
    }

    /** Decodes every string value as it is met (which applies the limit) and skips through itself. */
    static final class CheckedParser extends JsonParserDelegate {

        CheckedParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                // Decoding the string checks maxStringLength as it grows; the whole length is checked here as
                // getText() would check it, without making a String that most readers never ask for (issue 20).
                delegate.streamReadConstraints().validateStringLength(delegate.getTextLength());
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken start = delegate.currentToken();
            if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    return this;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }
    }
}
