package bridgemap.cli;

import bridgemap.privacy.Role;
import bridgemap.privacy.Tokens;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens for `serve --tokens-file`: only their SHA-256 hashes are stored.",
        subcommands = {TokenCommand.Add.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: add");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a token for ID with ROLE (viewer, researcher, analyst, admin), append its hash to FILE "
                    + "(created readable by you only) and print the token once: it is not stored anywhere."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Who the token is for (shown in the audit log).")
        String id;

        @Option(names = "--role", required = true, description = "viewer, researcher, analyst or admin.")
        String role;

        @Option(names = "--tokens-file", required = true, paramLabel = "FILE", description = "The tokens file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Role parsed = Role.parse(role).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role \"" + role + "\" (viewer, researcher, analyst or admin)"));
            String token = Tokens.add(file, id, parsed);
            var out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            spec.commandLine().getErr().println("Token for " + id + " (" + parsed.code() + ") added to " + file
                    + ". Give it to " + id + " now: it cannot be shown again.");
            return BridgemapCommand.EXIT_OK;
        }
    }
}
