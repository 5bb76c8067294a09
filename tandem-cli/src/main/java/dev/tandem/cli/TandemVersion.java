package dev.tandem.cli;

import picocli.CommandLine;

/** Prints the version for {@code --version}: the core's ({@link dev.tandem.usecase.TandemVersion}). */
public final class TandemVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tandem " + dev.tandem.usecase.TandemVersion.current()};
    }
}
