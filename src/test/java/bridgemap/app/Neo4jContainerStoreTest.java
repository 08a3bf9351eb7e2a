package bridgemap.app;

import java.util.Map;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The checks of {@link ExternalNeo4jChecks} against a real Neo4j 5.26 server (the {@code neo4j:5.26} image),
 * where Docker runs; reported as skipped where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerStoreTest extends ExternalNeo4jChecks {

    private static final String PASSWORD = "container-secret";

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26").withAdminPassword(PASSWORD);

    @Override
    Map<String, String> environment() {
        return Map.of("BRIDGEMAP_NEO4J_URI", NEO4J.getBoltUrl(), "BRIDGEMAP_NEO4J_USER", "neo4j",
                "BRIDGEMAP_NEO4J_PASSWORD", PASSWORD, "BRIDGEMAP_NEO4J_DATABASE", "neo4j");
    }
}
