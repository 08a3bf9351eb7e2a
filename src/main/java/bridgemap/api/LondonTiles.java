package bridgemap.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tile positions of the London boroughs ("London Squared", data/reference/london-tiles.csv), by GSS code. */
final class LondonTiles {

    /** Column and row of a tile, 0-based, row 0 at the top. */
    record Tile(int col, int row) {}

    private static final String RESOURCE = "data/reference/london-tiles.csv";

    private final Map<String, Tile> tiles;

    private LondonTiles(Map<String, Tile> tiles) {
        this.tiles = Map.copyOf(tiles);
    }

    static LondonTiles load() {
        try (InputStream in = LondonTiles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
            }
            Map<String, Tile> tiles = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: gss_code,col,row
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.strip().split(",");
                if (cells.length == 3) {
                    tiles.put(cells[0], new Tile(Integer.parseInt(cells[1]), Integer.parseInt(cells[2])));
                }
            }
            return new LondonTiles(tiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Tile> of(String gss) {
        return Optional.ofNullable(tiles.get(gss));
    }
}
