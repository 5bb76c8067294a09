package dev.tandem.cli.vex;

import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.usecase.vex.UserNoticeRequest;
import dev.tandem.usecase.vex.UserNoticeResult;
import dev.tandem.usecase.vex.UserNoticeUseCase;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem user-notice}: the CRA Art. 14(8) notice to users, as CSAF or HTML. */
@Command(name = "user-notice",
        mixinStandardHelpOptions = true,
        description = {
                "Tell the users of your products about the actively exploited vulnerabilities that affect them and "
                        + "what they must do (CRA Art. 14(8)): a CSAF 2.0 security advisory, or the same as an HTML page.",
                "Exit codes: 0 written, 2 bad usage or input."})
public final class UserNoticeCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    FindingsOptions findings;

    @Mixin
    PublisherOptions publisher;

    @Mixin
    TrackingOptions tracking;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogOption catalog;

    @Mixin
    OutputOption output;

    @Override
    public Formats<UserNoticeResult> formats() {
        return VexFormats.notice();
    }

    @Override
    public Integer call() throws IOException, InputException {
        return Publishing.publish(format.pick(formats()), () -> new UserNoticeUseCase(catalog.knowledgeBase()).run(
                new UserNoticeRequest(findings.scan(), findings.decisions(), publisher.publisher(), tracking.tracking())),
                result -> result.advisory().warnings(), output, spec);
    }
}
