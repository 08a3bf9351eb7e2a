package bridgemap.cli;

import bridgemap.demo.SyntheticBundle;
import bridgemap.demo.SyntheticScale;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic bundle (everything in it is made up, and its names say so) that "
                + "`bridgemap import` accepts: london (the 33 real borough codes and names, 20,000 cases) or england "
                + "(England and Wales: 330 local authorities, 200,000 cases, about a million referrals); small (9 made-up "
                + "local authorities, 400 cases) is for trying it out.",
                "The same scale and seed always give byte-identical files. No store is opened."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "SCALE", required = true,
            description = "london, england or small.")
    String scale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SyntheticBundle.DEFAULT_SEED,
            description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the CSV files and a README into (created if needed; files of the same "
                    + "names are replaced).")
    Path out;

    @Override
    public Integer call() throws IOException {
        SyntheticScale chosen = SyntheticScale.named(scale);
        ProgressBar bar = ProgressBar.onStderr();
        long started = System.nanoTime();
        SyntheticBundle.Result result = SyntheticBundle.generate(chosen, seed, out, bar);
        bar.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Wrote a synthetic %s bundle (seed %d) to %s in %.1f s: %,d rows%n", chosen.name(), seed, out,
                seconds, result.rows());
        w.printf("  %,d local authorities, %,d agencies, %,d settings, %,d services, %,d practitioners, "
                        + "%,d placements, %,d funders, %,d funding rows, %,d partnerships, %,d cases, %,d referrals, "
                        + "%,d successions%n",
                result.authorities(), result.agencies(), result.settings(), result.services(), result.practitioners(),
                result.placements(), result.funders(), result.funding(), result.partnerships(), result.cases(),
                result.referrals(), result.successions());
        w.flush();
        return BridgemapCommand.EXIT_OK;
    }
}
