package dev.tandem.conformity.profile;

import java.util.List;

/** The manufacturer's evidence for one requirement: status, justification and links to evidence. */
public record Evidence(Status status, String justification, List<String> links) {
    public Evidence {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
