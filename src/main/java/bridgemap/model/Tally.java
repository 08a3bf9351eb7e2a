package bridgemap.model;

/**
 * A count of people (cases) or of referrals, with the <em>cell key</em> of the records it counts: the sum,
 * modulo 256, of each counted record's key ({@link Case#cellKey()}, {@link Referral#cellKey()}). Analyses report
 * every count of people or referrals as a tally, so that disclosure control can tell such counts from
 * structural ones by their type and perturb each one by its cell key: the same set of records always has the
 * same cell key, whichever analysis, filter, day or format counts it (the cell-key method of the ONS, used for
 * Census 2021; see {@code bridgemap.privacy.Disclosure}).
 *
 * @param value how many records
 * @param key the cell key, 0–255
 */
public record Tally(long value, int key) implements Comparable<Tally> {

    /** Nothing counted. */
    public static final Tally ZERO = new Tally(0, 0);

    /** Values that are keys: record keys and cell keys lie in [0, 256). */
    public static final int KEYS = 256;

    public Tally {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
        if (key < 0 || key >= KEYS) {
            throw new IllegalArgumentException("a cell key lies in [0, 256): " + key);
        }
    }

    /** One record with this record key. */
    public static Tally of(int recordKey) {
        return new Tally(1, Math.floorMod(recordKey, KEYS));
    }

    /** This count and one more record with {@code recordKey}. */
    public Tally plus(int recordKey) {
        return new Tally(value + 1, Math.floorMod(key + recordKey, KEYS));
    }

    /** The count of both sets of records (taken as disjoint, or as a multiset where a record counts twice). */
    public Tally plus(Tally other) {
        return new Tally(value + other.value, (key + other.key) % KEYS);
    }

    /** The value as an int, for counts known to be small (a window's cases). */
    public int intValue() {
        return Math.toIntExact(value);
    }

    @Override
    public int compareTo(Tally other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }

    /** A mutable row of tallies, for analyses that count into several cells at once. */
    public static final class Counter {
        private final long[] values;
        private final int[] keys;

        public Counter(int cells) {
            values = new long[cells];
            keys = new int[cells];
        }

        /** Counts one record with {@code recordKey} in {@code cell}. */
        public void add(int cell, int recordKey) {
            values[cell]++;
            keys[cell] = Math.floorMod(keys[cell] + recordKey, KEYS);
        }

        public Tally get(int cell) {
            return new Tally(values[cell], keys[cell]);
        }

        public long value(int cell) {
            return values[cell];
        }
    }
}
