/** Start-up: configuration from the environment and the wiring of store, services and interfaces. */
package bridgemap.app;
