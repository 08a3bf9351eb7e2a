package bridgemap.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** The London demo bundle shipped inside the jar ({@code data/london-demo/}). */
public final class DemoBundle {

    public static final String NAME = "london-demo";
    private static final String ROOT = "data/london-demo/";

    private DemoBundle() {}

    /** The demo's files as read from the classpath. */
    public static BundleSource load() {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        for (BundleFile file : BundleFile.values()) {
            try (InputStream in = DemoBundle.class.getClassLoader().getResourceAsStream(ROOT + file.fileName())) {
                if (in != null) {
                    files.put(file, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo bundle's " + file.fileName(), e);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("The London demo bundle is missing from the classpath (" + ROOT + ")");
        }
        return BundleSource.of(NAME, files);
    }
}
