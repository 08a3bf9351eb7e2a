package bridgemap.analysis.network;

/**
 * An undirected edge {u, v} of the undirected view whose removal disconnects its component,
 * with {@code u < v}. Ordered by u, then v.
 */
public record Bridge(int u, int v) implements Comparable<Bridge> {

    /** @throws IllegalArgumentException unless {@code 0 <= u < v} */
    public Bridge {
        if (u < 0 || u >= v) {
            throw new IllegalArgumentException("a bridge is written (min, max) with 0 <= min < max; got (" + u + ", " + v + ")");
        }
    }

    @Override
    public int compareTo(Bridge o) {
        int c = Integer.compare(u, o.u);
        return c != 0 ? c : Integer.compare(v, o.v);
    }
}
