package bridgemap.ingest;

import java.util.List;

/**
 * An import refused for its size, before it was parsed: it expands past the size limit, expands like a zip bomb, or
 * would need more memory than there is to spare. Nothing was written; the HTTP API answers 413.
 */
public final class BundleTooLargeException extends BundleRejectedException {

    public BundleTooLargeException(Problem problem) {
        super(List.of(problem));
    }
}
