package dev.tandem.cli.progress;

import dev.tandem.feed.FeedListener;
import java.io.PrintWriter;
import java.text.DecimalFormat;
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
        // Small feeds (a KEV catalogue, the ecosystem list) in KiB: "0/0 MiB" says nothing. The speed with
        // a leading zero (the library's default pattern prints ".9 MiB/s").
        boolean small = totalBytes >= 0 && totalBytes < 10L * 1024 * 1024;
        bar = new ProgressBarBuilder().setTaskName(feed).setInitialMax(totalBytes)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setUnit(small ? " KiB" : " MiB", small ? 1024 : 1024 * 1024)
                .showSpeed(new DecimalFormat("0.0")).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate().build();
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
