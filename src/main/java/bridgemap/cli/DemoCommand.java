package bridgemap.cli;

import bridgemap.ingest.ImportService;
import bridgemap.app.BridgemapApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Load the London demo bundle (data/london-demo, built from the 2014 FMHP case study; "
                + "cases and referrals are synthetic). Loading it again changes nothing."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        try (BridgemapApp app = storeOptions.open()) {
            ProgressBar bar = ProgressBar.onStderr();
            var result = app.loadDemo(bar, ImportService.BulkMode.AUTO);
            bar.finish();
            Summaries.printImport(spec.commandLine().getOut(), result);
            return BridgemapCommand.EXIT_OK;
        }
    }
}
