package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.ecgsiglip.io.EcgException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ecg} command: one entry point for clinical-research pipelines. Each subcommand is its
 * own class with a {@code run(...)} method that returns a result object (tests call that).
 *
 * <p>Exit codes: 0 success, 1 bad input or a failed run (the message names file, field and fix),
 * 2 a bad command line.
 */
@Command(name = "ecg", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"ECG-SigLIP: multi-label ECG classification with collision-aware SigLIP.", ""},
        subcommands = {
            ExportCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            TestCommand.class,
            EvaluateCommand.class,
            CompareCommand.class,
            ExperimentCommand.class,
            CalibrateCommand.class,
            CurvesCommand.class,
            PackageCommand.class,
            InspectCommand.class,
            LabelsCommand.class,
            DownloadCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  ecg train --ptbxl data/ptb-xl --out runs/shared",
            "  ecg predict --model runs/shared --records data/ptb-xl/records100 --out scores.csv",
            "  ecg evaluate --scores scores.csv --truth truth.csv --bootstrap 1000 --seed 1 --out eval/",
            "  ecg train --cinc data/cinc2021 --ignore-unknown-codes --out runs/cinc",
            "  ecg test --model runs/cinc --cinc data/cinc2021 --seed 1 --out runs/cinc/test",
            "  ecg evaluate --scores S.csv --truth T.csv --metric challenge2021 --out eval/",
            "Run 'ecg help COMMAND' for a command's options and examples."})
public final class EcgCommand implements Runnable {

    @Option(names = {"-q", "--quiet"}, description = "Only warnings and errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging and stack traces.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The user-facing text of a failure: an EcgException's message, or the reason below an I/O wrapper. */
    static String message(Throwable e) {
        if (e instanceof EcgException) {
            return e.getMessage();
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return u.getMessage() == null || u.getMessage().isBlank() ? u.getCause().toString() : u.getMessage();
        }
        return e.toString();
    }

    /** Runs the command line and returns the exit code (tests use this instead of main). */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
        boolean quiet = Arrays.asList(args).contains("-q") || Arrays.asList(args).contains("--quiet");
        // logging and DJL settings must be in place before the first logger or engine is created
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : quiet ? "warn" : "info");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", verbose ? "info" : "warn");
        // DJL warns about CUDA on every machine without a GPU; --device gpu reports that case itself
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", String.valueOf(verbose));
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return configure(new CommandLine(new EcgCommand()), verbose).execute(args);
    }

    /**
     * Gives a command line the toolkit's error handling: every failure is printed once as
     * {@code error: <message>} (file, field, what was wrong, the fix) with exit code 1; stack traces only
     * with {@code --verbose}. Bad command lines keep picocli's handling (exit code 2).
     */
    public static CommandLine configure(CommandLine cli, boolean verbose) {
        // one error style for every command: "error: " and the message (file, field, what, fix)
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + message(e));
            if (verbose) {
                e.printStackTrace(err);
            } else if (!(e instanceof EcgException)) {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return cli;
    }
}
