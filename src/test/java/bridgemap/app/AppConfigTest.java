package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.store.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The environment variables that choose the store: the embedded one, or a server, cluster or Aura by URI. */
class AppConfigTest {

    @Test
    void withoutAUriTheStoreIsEmbeddedInTheDataFolder() {
        StoreConfig store = AppConfig.fromEnvironment(Map.of(), Path.of("here")).store();
        assertFalse(store.isExternal());
        assertEquals(Path.of("here"), store.dataDir());
        assertEquals("neo4j", store.database());
        assertNull(store.boltPassword());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bolt://db.example.org:7687", "neo4j://cluster.example.org", "neo4j+s://abcd1234.databases.neo4j.io",
            "bolt+s://db.example.org", "neo4j+ssc://db.example.org"})
    void serverClusterAndAuraUrisAreExternalWithCredentialsAndDatabase(String uri) {
        StoreConfig store = AppConfig.fromEnvironment(Map.of("BRIDGEMAP_NEO4J_URI", uri, "BRIDGEMAP_NEO4J_USER", "bridgemap",
                "BRIDGEMAP_NEO4J_PASSWORD", "secret", "BRIDGEMAP_NEO4J_DATABASE", "referrals"), null).store();
        assertTrue(store.isExternal());
        assertEquals(uri, store.externalUri().toString());
        assertEquals("bridgemap", store.user());
        assertEquals("secret", store.password());
        assertEquals("referrals", store.database());
    }

    @Test
    void otherSchemesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.fromEnvironment(Map.of("BRIDGEMAP_NEO4J_URI", "http://localhost:7474"), null));
        assertTrue(e.getMessage().startsWith("BRIDGEMAP_NEO4J_URI must start with one of"), e.getMessage());
    }

    @Test
    void exposingBoltKeepsTheDataFolderAndSetsHostPortAndPassword() {
        StoreConfig store = AppConfig.fromEnvironment(Map.of(), Path.of("here"))
                .withExposedBolt("0.0.0.0", 7687, "long-enough", false).store();
        assertEquals(Path.of("here"), store.dataDir());
        assertEquals("0.0.0.0", store.boltHost());
        assertEquals(7687, store.boltPort());
        assertEquals("long-enough", store.boltPassword());
    }
}
