/** Seeded generators of synthetic data, made of the model's records and written through {@code ingest.BundleCsv}: the London demo's cases and referrals, and {@code bridgemap generate}'s bundles. */
package bridgemap.demo;
