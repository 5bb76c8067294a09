package dev.tandem.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output formats of one result type, by name, in the order help lists them; the first is the
 * default. Front ends validate {@code --format} (or an Accept header) against it, so a format exists
 * exactly when a renderer does.
 */
public final class Formats<M> {

    private final Map<String, Renderer<M>> byName;

    private Formats(Map<String, Renderer<M>> byName) {
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one format");
        }
        this.byName = byName;
    }

    /** Starts a registry; the first format added is the default. */
    public static <M> Builder<M> builder() {
        return new Builder<>();
    }

    /** Format names, default first. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** The default format's name. */
    public String defaultName() {
        return byName.keySet().iterator().next();
    }

    /** The renderer for a format name, in any case. */
    public Optional<Renderer<M>> find(String name) {
        return Optional.ofNullable(byName.get(name == null ? defaultName() : name.strip().toLowerCase(Locale.ROOT)));
    }

    /** Collects formats in order. */
    public static final class Builder<M> {
        private final Map<String, Renderer<M>> byName = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder<M> add(String name, Renderer<M> renderer) {
            if (byName.putIfAbsent(name.toLowerCase(Locale.ROOT), renderer) != null) {
                throw new IllegalArgumentException("format " + name + " added twice");
            }
            return this;
        }

        public Formats<M> build() {
            return new Formats<>(new LinkedHashMap<>(byName));
        }
    }
}
