/** Wiring: configuration from the environment, the application that opens the store and builds the services, and {@code Main}. */
package bridgemap.app;
