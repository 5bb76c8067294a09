package dev.tandem.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest (or "development" when run from classes). */
public final class TandemVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TandemVersion.class.getPackage().getImplementationVersion();
        return new String[] {"tandem " + (version == null ? "development" : version)};
    }
}
