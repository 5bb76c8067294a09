package dev.tandem.bench.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The generators' tiny {@code --name value} command lines (the bench module has no picocli). */
final class Arguments {

    private Arguments() {
    }

    static Map<String, String> parse(String[] args, String... known) {
        Map<String, String> options = new HashMap<>();
        List<String> names = List.of(known);
        for (int i = 0; i < args.length; i++) {
            if (!names.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + String.join(" VALUE ", names) + " VALUE (got " + args[i] + ")");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
