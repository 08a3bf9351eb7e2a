package bridgemap.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The text of every {@link Query} and the schema statements, read once from {@code cypher/} on the classpath. */
public final class CypherQueries {

    private static final String ROOT = "cypher/";
    private static final String SCHEMA_DIR = ROOT + "schema";

    private final Map<Query, String> texts;
    private final List<String> schema;

    private CypherQueries(Map<Query, String> texts, List<String> schema) {
        this.texts = Collections.unmodifiableMap(texts);
        this.schema = List.copyOf(schema);
    }

    /** Loads every query file; throws {@link IllegalStateException} naming the first one missing. */
    public static CypherQueries load() {
        Map<Query, String> texts = new EnumMap<>(Query.class);
        for (Query query : Query.values()) {
            texts.put(query, read(ROOT + query.path()));
        }
        return new CypherQueries(texts, loadSchema());
    }

    /** The statement for {@code query}. */
    public String text(Query query) {
        return texts.get(Objects.requireNonNull(query, "query"));
    }

    /** The schema statements (constraints, indexes) in file-name order; each is idempotent. */
    public List<String> schema() {
        return schema;
    }

    private static String read(String resource) {
        try (InputStream in = CypherQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cypher file missing from the classpath: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("Cypher file is empty: " + resource);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static List<String> loadSchema() {
        URL url = CypherQueries.class.getClassLoader().getResource(SCHEMA_DIR);
        if (url == null) {
            throw new IllegalStateException("Cypher schema folder missing from the classpath: " + SCHEMA_DIR);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readSchemaFiles(jar.getPath(SCHEMA_DIR));
                } catch (FileSystemAlreadyExistsException e) {
                    return readSchemaFiles(FileSystems.getFileSystem(uri).getPath(SCHEMA_DIR));
                }
            }
            return readSchemaFiles(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + SCHEMA_DIR, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad schema folder URL " + url, e);
        }
    }

    private static List<String> readSchemaFiles(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".cypher")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No schema statements in " + SCHEMA_DIR);
        }
        List<String> statements = new ArrayList<>();
        for (Path file : files) {
            statements.add(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        return statements;
    }
}
