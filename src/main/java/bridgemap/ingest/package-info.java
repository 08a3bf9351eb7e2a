/** Bundle files to a validated model, then to the store, all or nothing. */
package bridgemap.ingest;
