package dev.tandem.cli.conformity;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.conformity.ProfileInput;
import dev.tandem.usecase.conformity.ReferencedSbom;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --product} file and the SBOM files it references, read for a use case. An SBOM path is
 * resolved against the profile's folder; a file that is not there is left out (the assessment reports
 * it as not found), one that cannot be read is passed on as unreadable.
 */
record ProfileFiles(ProfileInput.Parsed profile, Map<String, ReferencedSbom> sboms) {

    /** The profile alone, unparsed: for outputs that need no SBOM. */
    static ProfileInput profileOnly(Path product) throws InputException {
        return ProfileInput.of(document(product));
    }

    /** The option that lets a profile name SBOMs outside its folder. */
    static final String ALLOW_OUTSIDE = "--allow-sbom-outside-folder";

    /**
     * The profile, parsed, and every SBOM it references by path. Unless {@code allowOutside}, a path that
     * leaves the profile's folder ({@code ../}, an absolute path, a symbolic link pointing out) is not
     * read: a profile received from someone else must not make Tandem read any file on the machine.
     */
    static ProfileFiles read(Path product, boolean allowOutside) throws InputException {
        ProfileInput.Parsed profile = ProfileInput.parse(document(product));
        Path parent = product.toAbsolutePath().getParent();
        Path folder = (parent == null ? Path.of(".") : parent).normalize();
        Map<String, ReferencedSbom> sboms = new LinkedHashMap<>();
        for (String reference : profile.sbomPaths()) {
            Path file;
            try {
                file = folder.resolve(reference).normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                continue;
            }
            if (!allowOutside && !inside(folder, file)) {
                sboms.put(reference, new ReferencedSbom.Unreadable("outside the product profile's folder, so it was not"
                        + " read (allow it with " + ALLOW_OUTSIDE + ")"));
                continue;
            }
            try {
                sboms.put(reference, new ReferencedSbom.Found(InputDocument.read(file)));
            } catch (InputException e) {
                sboms.put(reference, new ReferencedSbom.Unreadable(e.problem()));
            }
        }
        return new ProfileFiles(profile, sboms);
    }

    private static boolean inside(Path folder, Path file) {
        if (!file.startsWith(folder)) {
            return false;
        }
        try {
            return file.toRealPath().startsWith(folder.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Profiles are small: reading stops at the reader's limit instead of loading a huge file first. */
    private static InputDocument document(Path product) throws InputException {
        return InputDocument.read(product, ProfileInput.MAX_BYTES);
    }
}
