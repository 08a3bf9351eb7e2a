package bridgemap.cli;

import bridgemap.ingest.ImportService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Load the London demo bundle (data/london-demo, built from the 2014 FMHP case study; "
                + "cases and referrals are synthetic). Loading it again changes nothing."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        return storeOptions.run((app, out) -> {
            ProgressBar bar = ProgressBar.onStderr();
            var result = app.loadDemo(bar, ImportService.BulkMode.AUTO);
            bar.finish();
            Summaries.printImport(out, result);
            return BridgemapCommand.EXIT_OK;
        });
    }
}
