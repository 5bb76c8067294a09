package dev.tandem.usecase.vex;

import dev.tandem.securitytxt.SecurityTxt;
import java.util.List;

/** The file's fields, its final text (cleartext-signed when a key was given) and warnings. */
public record SecurityTxtResult(SecurityTxt fields, String text, boolean signed, List<String> warnings) {

    public SecurityTxtResult {
        warnings = List.copyOf(warnings);
    }
}
