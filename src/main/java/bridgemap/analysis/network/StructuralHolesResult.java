package bridgemap.analysis.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * Burt's effective size and constraint per vertex; {@code NaN} for a vertex with no neighbour.
 * Immutable: the arrays are copied in and out.
 *
 * @param effectiveSize effective size of each vertex's ego network, indexed by vertex id
 * @param constraint constraint on each vertex, indexed by vertex id
 */
public record StructuralHolesResult(double[] effectiveSize, double[] constraint) {

    public StructuralHolesResult {
        effectiveSize = Objects.requireNonNull(effectiveSize, "effectiveSize").clone();
        constraint = Objects.requireNonNull(constraint, "constraint").clone();
        if (effectiveSize.length != constraint.length) {
            throw new IllegalArgumentException("effectiveSize and constraint differ in length");
        }
    }

    /** A copy of the effective sizes. */
    @Override
    public double[] effectiveSize() {
        return effectiveSize.clone();
    }

    /** A copy of the constraints. */
    @Override
    public double[] constraint() {
        return constraint.clone();
    }

    /** The effective size of v's ego network ({@code NaN} if v has no neighbour). */
    public double effectiveSize(int v) {
        return effectiveSize[v];
    }

    /** The constraint on v ({@code NaN} if v has no neighbour). */
    public double constraint(int v) {
        return constraint[v];
    }

    /** The number of vertices. */
    public int vertexCount() {
        return effectiveSize.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuralHolesResult other && Arrays.equals(effectiveSize, other.effectiveSize)
                && Arrays.equals(constraint, other.constraint);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(effectiveSize) + Arrays.hashCode(constraint);
    }

    @Override
    public String toString() {
        return "StructuralHolesResult[effectiveSize=" + Arrays.toString(effectiveSize)
                + ", constraint=" + Arrays.toString(constraint) + "]";
    }
}
