package dev.tandem.cli.progress;

import dev.tandem.advisory.LoadListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error while advisories (then NVD/CVE records) load; silent unless stderr is a terminal. */
public final class LoadProgress implements LoadListener, AutoCloseable {

    /** Below this many files the load is too quick for a bar to help. */
    private static final long MINIMUM_FILES = 2_000;

    private final boolean enabled;
    private ProgressBar bar;
    private long barTotal;

    private LoadProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A bar on standard error when it is a terminal, else a listener that ignores progress. */
    public static LoadProgress forStderr(PrintWriter err) {
        return new LoadProgress(Terminal.stderrIsTerminal());
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (!enabled || total < MINIMUM_FILES) {
            return;
        }
        if (bar != null && total != barTotal) {
            bar.close(); // the next load (NVD records after OSV advisories) gets a bar of its own
            bar = null;
        }
        if (bar == null) {
            barTotal = total;
            bar = new ProgressBarBuilder().setTaskName("Loading advisories").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
