package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.labels.CollisionPlot;
import org.ecgsiglip.cli.labels.CollisionReport;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.util.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg labels (--ptbxl ROOT [--level LEVEL] | --cinc ROOT [--unscored drop|include]) --batch-size N
 * [--batch-sizes 16,32,...] [--exclude-from-collisions SR] [--folds 1,...] [--batches B] [--seed S]
 * [--png FILE] [--json]}: how
 * many off-diagonal pairs of a training batch share a finding — the false negatives of plain SigLIP —
 * per batch size and per finding, exact and measured on seeded random batches.
 */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "Collision statistics: pairs per batch that share a finding (false negatives of plain SigLIP).",
        footer = {"", "Examples:",
            "  ecg labels --ptbxl data/ptb-xl-sample --level superdiagnostic --batch-size 32",
            "  ecg labels --ptbxl data/ptb-xl --level all --batch-size 128 --exclude-from-collisions SR --png collisions.png",
            "  ecg labels --ptbxl data/ptb-xl --level diagnostic --batch-size 128 --batch-sizes 8,32,128,512 --json",
            "  ecg labels --cinc data/cinc2021 --batch-size 32 --exclude-from-collisions \\",
            "      426783006",
            "  ecg labels --cinc data/cinc2021 --batch-size 32 --folds 1,2,3,4,5,6,7,8",
            "The exact expectation uses all pairs of the dataset; the measurement draws --batches random batches",
            "per size with --seed."})
public final class LabelsCommand implements Callable<Integer> {

    /**
     * What to count: PTB-XL at a level, or with {@code cinc} a CinC source (its folds assigned as
     * {@code ecg train --cinc} assigns them), when {@code ptbxl} is null.
     */
    public record Request(Path ptbxl, LabelLevel level, int batchSize, List<Integer> batchSizes, List<String> exclude,
                          Set<Integer> folds, int batches, long seed, boolean ignoreUnknownCodes,
                          Optional<CincDataSource> cinc) {
        /** PTB-XL. */
        public Request(Path ptbxl, LabelLevel level, int batchSize, List<Integer> batchSizes, List<String> exclude,
                       Set<Integer> folds, int batches, long seed, boolean ignoreUnknownCodes) {
            this(ptbxl, level, batchSize, batchSizes, exclude, folds, batches, seed, ignoreUnknownCodes,
                    Optional.empty());
        }
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Dataset dataset;

    static final class Dataset {
        @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL folder.")
        Path ptbxl;

        @Option(names = "--cinc", paramLabel = "ROOT", description = "CinC 2020/2021 folder (.hea/.mat with #Dx).")
        Path cinc;
    }

    @Option(names = "--level", defaultValue = "superdiagnostic",
            description = "PTB-XL: all, diagnostic, subdiagnostic, superdiagnostic (default), form, rhythm.")
    String level;

    @Option(names = "--unscored", defaultValue = "drop", paramLabel = "drop|include|fail",
            description = "CinC: codes of dx_mapping_unscored.csv (default ${DEFAULT-VALUE}).")
    String unscored;

    @Option(names = "--cinc-folds", defaultValue = "10", paramLabel = "K",
            description = "CinC: folds to assign for --folds (default ${DEFAULT-VALUE}, as 'ecg train --cinc').")
    int cincFolds;

    @Option(names = "--cinc-fold-seed", defaultValue = "1", paramLabel = "S",
            description = "CinC: seed of the fold assignment (default ${DEFAULT-VALUE}).")
    long cincFoldSeed;

    @Option(names = "--batch-size", required = true, paramLabel = "N", description = "The batch size of the per-finding table.")
    int batchSize;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "N",
            description = "Batch sizes of the curve (default 8,16,32,64,128,256,512 up to the record count).")
    List<Integer> batchSizes;

    @Option(names = "--exclude-from-collisions", split = ",", paramLabel = "CODE",
            description = "Findings that do not make two records a positive pair (e.g. SR).")
    List<String> exclude;

    @Option(names = "--folds", split = ",", paramLabel = "FOLD", description = "Only these folds (default: all): "
            + "PTB-XL's strat_fold, CinC's as --cinc-folds and --cinc-fold-seed assign them.")
    List<Integer> folds;

    @Option(names = "--batches", defaultValue = "200", description = "Random batches per size (default ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random batches (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ignore-unknown-codes", description = "Skip (and count) codes missing from the dataset's "
            + "tables (scp_statements.csv, dx_mapping_*.csv) instead of failing.")
    boolean ignoreUnknownCodes;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the curve as PNG.")
    Path png;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        Optional<CincDataSource> cinc = Optional.ofNullable(dataset.cinc).map(root -> new CincDataSource(root,
                unscoredPolicy(), ignoreUnknownCodes, new CincDataSource.Stratified(cincFolds, cincFoldSeed)));
        Request r = new Request(dataset.ptbxl, LabelLevel.parse(level), batchSize, batchSizes == null ? List.of()
                : batchSizes, exclude == null ? List.of() : exclude, folds == null ? Set.of() : new TreeSet<>(folds),
                batches, seed, ignoreUnknownCodes, cinc);
        CollisionReport report = run(r);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson().toPrettyString() + "\n" : report.text());
        if (png != null) {
            AtomicFiles.writeBytes(png, CollisionPlot.png(report));
            if (!json) {
                out.println("wrote " + png);
            }
        }
        out.flush();
        return 0;
    }

    /** Loads the dataset (and folds), checks the batch sizes, counts. */
    public static CollisionReport run(Request r) {
        LabeledDataset dataset = r.cinc().isPresent()
                ? (r.folds().isEmpty() ? Cinc.load(r.cinc().get().root(), new Cinc.Options(r.cinc().get().unscored(),
                        r.cinc().get().ignoreUnknownCodes())) : r.cinc().get().load())
                : PtbXl.load(r.ptbxl(), r.level(), PtbXl.Options.defaults().withIgnoreUnknownCodes(r.ignoreUnknownCodes()));
        if (!r.folds().isEmpty()) {
            List<LabeledRecord> all = dataset.records();
            dataset = dataset.select(java.util.stream.IntStream.range(0, all.size())
                    .filter(i -> r.folds().contains(all.get(i).fold())).toArray());
        }
        int n = dataset.size();
        if (r.batches() < 1) {
            throw new ConfigurationException("--batches", "must be at least 1, not " + r.batches(), "e.g. --batches 200");
        }
        check("--batch-size", r.batchSize(), n);
        List<Integer> sizes = new ArrayList<>();
        if (r.batchSizes().isEmpty()) {
            for (int s = 8; s <= Math.min(512, n); s *= 2) {
                sizes.add(s);
            }
        } else {
            for (int s : r.batchSizes()) {
                check("--batch-sizes", s, n);
                sizes.add(s);
            }
        }
        BitSet excluded = new BitSet();
        for (String code : r.exclude()) {
            excluded.set(dataset.vocabulary().indexOf(code));
        }
        return CollisionReport.of(dataset, excluded, r.batchSize(), sizes, r.batches(), r.seed());
    }

    private Cinc.Unscored unscoredPolicy() {
        try {
            return Cinc.Unscored.valueOf(unscored.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--unscored", "'" + unscored + "' is not a policy", "use drop, include "
                    + "or fail");
        }
    }

    private static void check(String flag, int size, int records) {
        if (size < 2 || size > records) {
            throw new ConfigurationException(flag, "batch size " + size + " is impossible: a batch needs at least 2 "
                    + "records and the dataset has " + records, "use sizes from 2 to " + records);
        }
    }
}
