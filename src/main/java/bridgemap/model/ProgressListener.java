package bridgemap.model;

/** Told how far long work has got, so a command line can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} units of work are finished; {@code phase} says what is being done. */
    void progress(String phase, long done, long total);
}
