package bridgemap.cli;

import bridgemap.model.ProgressListener;
import java.io.PrintStream;

/**
 * A text progress bar on standard error. On a terminal it redraws one line; otherwise (a log, a pipe)
 * it prints a line at each tenth of the work and when a new phase starts, so CI logs stay readable. Small jobs print
 * nothing.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long MIN_TOTAL = 5_000;

    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private int lastTenth = -1;
    private String lastPhase;
    private boolean drawn;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public void progress(String phase, long done, long total) {
        if (total < MIN_TOTAL) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = percent * WIDTH / 100;
            out.printf("\r[%s%s] %3d%% %-28s %,d/%,d", "#".repeat(filled), ".".repeat(WIDTH - filled), percent,
                    phase, done, total);
            drawn = true;
            if (done >= total) {
                finish();
            }
        } else if (percent / 10 != lastTenth || !phase.equals(lastPhase)) {
            lastTenth = percent / 10;
            lastPhase = phase;
            out.printf("%3d%% %s (%,d/%,d)%n", percent, phase, done, total);
        }
    }

    /** Ends the bar's line, if one is drawn. */
    void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
