package dev.tandem.cli.conformity;

import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.conformity.DeclarationRequest;
import dev.tandem.usecase.conformity.DeclarationResult;
import dev.tandem.usecase.conformity.DeclarationUseCase;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Command;

/** {@code tandem declaration --product FILE}: the draft EU declaration of conformity and the Annex VII/II checklists. */
@Command(name = "declaration", mixinStandardHelpOptions = true,
        description = "Write the draft EU declaration of conformity (CRA Annex V items) with the Annex VII technical-documentation and Annex II user-information checklists.")
public final class DeclarationCommand extends ProfileDocumentCommand<DeclarationResult> {

    @Override
    Formats<DeclarationResult> documentFormats() {
        return ConformityFormats.DECLARATION;
    }

    @Override
    DeclarationResult draft(ProfileFiles files, KnowledgeBase knowledge, LocalDate day, Instant now) throws InputException {
        return new DeclarationUseCase(knowledge).run(new DeclarationRequest(files.profile(), files.sboms(), day, now));
    }
}
