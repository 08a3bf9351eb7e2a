/** The HTTP API: {@code ApiServer.create} returns an unstarted Javalin with thin route handlers. */
package bridgemap.api;
