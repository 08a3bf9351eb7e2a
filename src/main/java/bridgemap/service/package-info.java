/** The services the command line and the HTTP API share: analyses as of a day (cached until the next import), planning, research pathways and exports, and the records they answer with. */
package bridgemap.service;
