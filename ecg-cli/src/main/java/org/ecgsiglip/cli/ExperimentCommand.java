package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.experiment.ComparisonOutcome;
import org.ecgsiglip.cli.experiment.ExperimentFiles;
import org.ecgsiglip.cli.experiment.ExperimentPlan;
import org.ecgsiglip.cli.experiment.ExperimentResult;
import org.ecgsiglip.cli.experiment.ExperimentRunner;
import org.ecgsiglip.cli.experiment.RunOutcome;
import org.ecgsiglip.model.train.TrainingMonitor;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ecg experiment --config FILE [--out DIR]}: the toolkit's reproducible F1 comparison. One file
 * names a base training configuration and its variants (and seeds); each variant × seed is trained
 * into its own run folder, scored with its best checkpoint on the same test folds, evaluated with
 * bootstrap intervals, and the variants are compared pairwise; the per-finding F1 table is printed and
 * written as report.md / report.html. Running it again skips finished runs and resumes killed ones.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train several variants (and seeds), score them on the same test folds, and compare their "
                + "per-finding F1 with bootstrap CIs.",
        footer = {"", "Examples:",
            "  ecg experiment --config examples/sample-experiment.json",
            "  ecg experiment --config my-experiment.json --out runs/exp1 --device gpu",
            "  ecg experiment --config my-experiment.json --out runs/exp1   (again: finished runs are skipped, "
                    + "a killed one resumes)",
            "",
            "An experiment file:",
            "  {\"name\": \"diagonal vs collision-aware\",",
            "   \"base\": {\"ptbxl\": \"data/ptb-xl\", \"train-folds\": [1,2,3,4,5,6,7,8], \"validation-folds\": [9],",
            "            \"test-folds\": [10], \"epochs\": 30},",
            "   \"variants\": {\"diagonal\": {\"label-matrix\": \"diagonal\"}, \"shared-finding\": {},",
            "                \"bce\": {\"baseline\": \"bce\"}},",
            "   \"seeds\": [1, 2, 3], \"comparisons\": [[\"diagonal\", \"shared-finding\"]],",
            "   \"thresholds\": 0.5, \"bootstrap\": 1000, \"bootstrap-seed\": 1, \"out\": \"runs/exp1\"}",
            "Keys of base and variants are those of 'ecg train --config'; paths are relative to the file.",
            "Output: OUT/runs/VARIANT/seed-S/ (run folder, test/ evaluation), OUT/comparisons/A-vs-B/seed-S/,",
            "OUT/report.md, report.html, summary.json."})
public final class ExperimentCommand implements Callable<Integer> {

    @ParentCommand
    EcgCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE.json", description = "The experiment file.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the file's \"out\").")
    Path out;

    @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL folder, for every variant (overrides base).")
    Path ptbxl;

    @Option(names = "--device", description = "cpu, gpu, gpu:N, all-gpus: for every variant (overrides base).")
    String device;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Signal cache folder, for every variant.")
    Path cacheDir;

    @Override
    public Integer call() {
        boolean quiet = parent != null && parent.quiet;
        boolean verbose = parent != null && parent.verbose;
        TrainingMonitor monitor = quiet ? TrainingMonitor.SILENT
                : verbose ? new ProgressMonitor(System.out, false) : new ExperimentMonitor(System.out);
        ExperimentResult r = run(plan(), monitor);
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.print(r.table());
        if (!quiet) {
            for (RunOutcome run : r.runs()) {
                out.printf(Locale.ROOT, "%s seed %d: %s in %.0f s -> %s%n", run.variant(), run.seed(),
                        run.status().name().toLowerCase(Locale.ROOT), run.seconds(), run.testFolder());
            }
            for (ComparisonOutcome c : r.comparisons()) {
                out.println("comparison " + c.pair().b() + " vs " + c.pair().a() + ", seed " + c.seed() + " -> "
                        + c.folder());
            }
            r.reports().forEach(p -> out.println("wrote " + p));
        }
        out.flush();
        return 0;
    }

    /** The plan this command line asks for: the file, with --ptbxl, --device, --cache-dir and --out applied. */
    ExperimentPlan plan() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("ptbxl", ptbxl == null ? null : ptbxl.toAbsolutePath().toString());
        overrides.put("device", device);
        overrides.put("cache-dir", cacheDir == null ? null : cacheDir.toAbsolutePath().toString());
        return ExperimentFiles.read(config, overrides, out);
    }

    /** Reads the experiment file (no overrides) and runs it. */
    public static ExperimentResult run(Path experimentFile, Path outOrNull, TrainingMonitor monitor) {
        return run(ExperimentFiles.read(experimentFile, Map.of(), outOrNull), monitor);
    }

    /** Trains, scores, compares and reports; returns everything it produced. */
    public static ExperimentResult run(ExperimentPlan plan, TrainingMonitor monitor) {
        return ExperimentRunner.run(plan, monitor);
    }
}
