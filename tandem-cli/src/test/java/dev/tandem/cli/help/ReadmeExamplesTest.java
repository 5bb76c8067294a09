package dev.tandem.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's examples write under target/, never into the checkout a newcomer is looking at. */
class ReadmeExamplesTest {

    private static final Pattern WRITES = Pattern.compile("(?:--out|--output|-o)[ =](\\S+)|>\\s*(\\S+)");

    @Test
    void everyFileAnExampleWritesIsUnderTarget() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> written = new ArrayList<>();
        boolean inShell = false;
        for (String line : readme.lines().toList()) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.startsWith("```sh");
                continue;
            }
            if (!inShell || line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = WRITES.matcher(line.replaceAll("\\s+#.*$", ""));
            while (matcher.find()) {
                written.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        assertThat(written).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("target/"));
    }
}
