package dev.tandem.cli.vex;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.vex.Publisher;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Who publishes: explicit options, else a product profile's manufacturer, else the SBOMs' manufacturer. */
public final class PublisherOptions {

    @Option(names = "--publisher-name", paramLabel = "NAME", description = "The publisher's name (default: the manufacturer).")
    String name;

    @Option(names = "--publisher-namespace", paramLabel = "URL",
            description = "An https URL the publisher controls, identifying it (default: the product profile's manufacturer website; "
                    + "without one the document is a draft).")
    String namespace;

    @Option(names = "--publisher-category", paramLabel = "CATEGORY",
            description = "The publisher category: vendor (default), coordinator, discoverer, other, translator or user.")
    String category;

    @Option(names = "--publisher-contact", paramLabel = "TEXT", description = "How to reach the publisher's security team.")
    String contact;

    @Option(names = "--product", paramLabel = "FILE",
            description = "A product profile (docs/formats/product-profile.md) whose manufacturer publishes.")
    Path product;

    public Publisher publisher() throws InputException {
        return new Publisher(name, namespace, category, contact, product == null ? null : InputDocument.read(product));
    }
}
