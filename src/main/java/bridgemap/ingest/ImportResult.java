package bridgemap.ingest;

import bridgemap.store.WriteSummary;
import java.time.Duration;

/** A committed import: which bundle, what was written, how long it took. */
public record ImportResult(String bundle, WriteSummary summary, Duration elapsed) {}
