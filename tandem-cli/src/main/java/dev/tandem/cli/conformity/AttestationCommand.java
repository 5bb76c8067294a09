package dev.tandem.cli.conformity;

import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.conformity.AttestationRequest;
import dev.tandem.usecase.conformity.AttestationResult;
import dev.tandem.usecase.conformity.AttestationUseCase;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Command;

/**
 * {@code tandem attestation --product FILE}: the draft CISA Secure Software Development Attestation Form,
 * every Section III item the profile's evidence does not support marked UNSUPPORTED.
 */
@Command(name = "attestation", mixinStandardHelpOptions = true,
        description = "Draft the CISA Secure Software Development Attestation Form (Common Form) from a product profile, marking each item the evidence does not support.")
public final class AttestationCommand extends ProfileDocumentCommand<AttestationResult> {

    @Override
    Formats<AttestationResult> documentFormats() {
        return ConformityFormats.ATTESTATION;
    }

    @Override
    AttestationResult draft(ProfileFiles files, KnowledgeBase knowledge, LocalDate day, Instant now) throws InputException {
        return new AttestationUseCase(knowledge).run(new AttestationRequest(files.profile(), files.sboms(), day, now));
    }
}
