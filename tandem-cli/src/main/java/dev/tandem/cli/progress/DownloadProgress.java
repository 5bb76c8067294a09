package dev.tandem.cli.progress;

import dev.tandem.feed.FeedListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar per download on standard error, in bytes; silent unless stderr is a terminal. */
public final class DownloadProgress implements FeedListener, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;

    private DownloadProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** Bars on standard error when it is a terminal, else a listener that ignores progress. */
    public static DownloadProgress forStderr(PrintWriter err) {
        return new DownloadProgress(Terminal.stderrIsTerminal());
    }

    @Override
    public synchronized void started(String feed, long totalBytes) {
        if (!enabled) {
            return;
        }
        finished(feed);
        bar = new ProgressBarBuilder().setTaskName(feed).setInitialMax(totalBytes)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setUnit(" MiB", 1024 * 1024)
                .showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
    }

    @Override
    public synchronized void progressed(String feed, long bytes) {
        if (bar != null) {
            bar.stepTo(bytes);
        }
    }

    @Override
    public synchronized void finished(String feed) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        finished("");
    }
}
