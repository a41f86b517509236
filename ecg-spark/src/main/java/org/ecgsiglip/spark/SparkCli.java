package org.ecgsiglip.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;
import org.apache.spark.SparkContext;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.Toolkit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecg spark}: the toolkit's commands that run on Apache Spark, in their own main class so that
 * the {@code ecg} command needs no Spark on its class path. The {@code ecg} launcher hands
 * {@code ecg spark ARGS} to this class (with Spark's Java 17 flags, see docs/scale.md, part 2); it also
 * runs under {@code spark-submit --class org.ecgsiglip.spark.SparkCli}.
 *
 * <p>Exit codes as for {@code ecg}: 0 success, 1 bad input or a failed job (the message names file,
 * field and fix), 2 a bad command line.
 */
@Command(name = "ecg spark", mixinStandardHelpOptions = true, versionProvider = SparkCli.Version.class,
        description = {"Preprocess and score records on Apache Spark (local cores or a cluster).", ""},
        subcommands = {ScoreCommand.class, ToCsvCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  ecg spark score --model runs/shared --records data/ptb-xl --out scores.parquet --master local[2]",
            "  ecg spark score --model runs/shared --records list.txt --out scores.parquet --csv scores.csv",
            "  ecg spark to-csv --scores scores.parquet --out scores.csv"})
public final class SparkCli implements Runnable {

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

    /** Runs the command line and returns the exit code (tests use this instead of main). */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
        boolean quiet = Arrays.asList(args).contains("-q") || Arrays.asList(args).contains("--quiet");
        // before the first logger is created: the toolkit's levels, and Spark, Hadoop and Parquet at warn
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : quiet ? "warn" : "info");
        for (String noisy : new String[] {"ai.djl", "org.apache.spark", "org.sparkproject", "org.apache.hadoop",
            "org.apache.parquet"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + noisy, verbose ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", verbose ? "info" : "error");
        // Hadoop's pure-Java code paths are all this toolkit uses; its native-library notice is noise
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", String.valueOf(verbose));
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        CommandLine cli = new CommandLine(new SparkCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + (e instanceof EcgException ? e.getMessage() : e.toString()));
            if (verbose) {
                e.printStackTrace(err);
            } else if (!(e instanceof EcgException)) {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** {@code --version}: the toolkit's version and Spark's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ecg spark " + Toolkit.version() + " (Apache Spark " + sparkVersion() + ")"};
        }

        /** The version in spark-core's {@code spark-version-info.properties}. */
        static String sparkVersion() {
            try (InputStream in = SparkContext.class.getResourceAsStream("/spark-version-info.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
