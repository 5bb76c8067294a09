package dev.tandem.input;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * What the YAML mappers cannot see for themselves, checked on SnakeYAML's event stream before any
 * reader builds anything (issue 21):
 * <ul>
 *   <li>aliases ({@code *name}) and merge keys ({@code <<}): Jackson's YAML parser reads an alias as
 *       the anchor's name (the string "v" for {@code *v}) and a merge key as a field called "<<", so
 *       data would be silently wrong; both are refused with their line and column;</li>
 *   <li>a document that ends with a key or list item and no value ({@code timeline:} as the last
 *       line), which is what a file cut at a line boundary inside a collection looks like;</li>
 *   <li>invalid UTF-8, reported at the line and column of the first bad byte (SnakeYAML's own
 *       message counts characters of its decoding window, not positions in the file).</li>
 * </ul>
 */
final class YamlShape {

    private YamlShape() {
    }

    static void check(String source, byte[] content) throws InputException {
        checkUtf8(source, content);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setNestingDepthLimit(InputLimits.DEFAULT.maxNestingDepth());
        ParserImpl parser = new ParserImpl(new StreamReader(new UnicodeReader(new ByteArrayInputStream(content))), options);
        Deque<Frame> open = new ArrayDeque<>();
        ScalarEvent lastEmpty = null;
        try {
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                switch (event.getEventId()) {
                    case Alias -> throw new InputException(source, at(event.getStartMark()), "YAML aliases (*"
                            + ((AliasEvent) event).getAnchor() + ") are not supported: write the value out in full");
                    case MappingStart -> {
                        valueSeen(open);
                        open.push(new Frame(true));
                        lastEmpty = null;
                    }
                    case SequenceStart -> {
                        valueSeen(open);
                        open.push(new Frame(false));
                        lastEmpty = null;
                    }
                    case MappingEnd, SequenceEnd -> open.pop(); // the collection counted as a value when it started
                    case Scalar -> {
                        ScalarEvent scalar = (ScalarEvent) event;
                        Frame frame = open.peek();
                        boolean key = frame != null && frame.mapping && frame.expectKey;
                        if (key && scalar.getValue().equals("<<") && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                                && scalar.getImplicit().canOmitTagInPlainScalar()) {
                            throw new InputException(source, at(event.getStartMark()),
                                    "YAML merge keys (<<) are not supported: write the keys out in full");
                        }
                        if (frame != null && frame.mapping) {
                            frame.expectKey = !frame.expectKey;
                        }
                        boolean empty = !key && scalar.getValue().isEmpty() && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                                && scalar.getTag() == null;
                        lastEmpty = empty ? scalar : null;
                    }
                    case DocumentEnd -> {
                        if (lastEmpty != null && !((DocumentEndEvent) event).getExplicit()) {
                            throw new InputException(source, at(lastEmpty.getStartMark()), "the document ends with a key or"
                                    + " list item that has no value: it looks cut off; write null (or remove the entry)"
                                    + " if the value is meant to be empty");
                        }
                        lastEmpty = null;
                    }
                    default -> {
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InputException(source, mark == null ? InputPosition.UNKNOWN : at(mark), "malformed YAML: "
                    + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (RuntimeException e) {
            // SnakeYAML's other failures (its reader's, a limit) are unchecked and carry no mark.
            throw new InputException(source, InputPosition.UNKNOWN, "malformed YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static void valueSeen(Deque<Frame> open) {
        Frame frame = open.peek();
        if (frame != null && frame.mapping) {
            frame.expectKey = !frame.expectKey;
        }
    }

    private static void checkUtf8(String source, byte[] content) throws InputException {
        TextPositions.requireUtf8(source, content);
    }

    private static InputPosition at(Mark mark) {
        return InputPosition.at(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** An open mapping (which alternates key, value) or sequence. */
    private static final class Frame {
        final boolean mapping;
        boolean expectKey = true;

        Frame(boolean mapping) {
            this.mapping = mapping;
        }
    }
}
