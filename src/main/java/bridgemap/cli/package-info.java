/** The {@code bridgemap} command line (picocli): each subcommand a {@code Callable<Integer>}. */
package bridgemap.cli;
