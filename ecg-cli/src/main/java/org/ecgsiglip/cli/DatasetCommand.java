package org.ecgsiglip.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.util.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg dataset summary (--ptbxl ROOT [--level LEVEL] | --cinc ROOT) [--json]}: how many records a
 * dataset has at a label level, how many records carry each finding code, and both per fold. Exit
 * codes: 0 done, 1 bad input (the message names file, line, field and fix), 2 bad command line.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Inspect datasets (PTB-XL, CinC 2020/2021).",
        subcommands = {DatasetCommand.SummaryCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  ecg dataset summary --ptbxl data/ptb-xl --level superdiagnostic --json",
            "  ecg dataset summary --cinc data/cinc2021 --unscored include --ignore-unknown-codes"})
public final class DatasetCommand implements Callable<Integer> {

    /** Which dataset to summarise and how to load it. Exactly one of {@code ptbxl} and {@code cinc}. */
    public record Request(Optional<Path> ptbxl, Optional<Path> cinc, LabelLevel level, PtbXl.Options ptbxlOptions,
            Cinc.Options cincOptions) {
        /** PTB-XL at a level with default options. */
        public static Request ptbxl(Path root, LabelLevel level) {
            return new Request(Optional.of(root), Optional.empty(), level, PtbXl.Options.defaults(), Cinc.Options.defaults());
        }

        /** CinC with the given options. */
        public static Request cinc(Path root, Cinc.Options options) {
            return new Request(Optional.empty(), Optional.of(root), LabelLevel.ALL, PtbXl.Options.defaults(), options);
        }
    }

    /**
     * The summary; {@link #toJson()} is what {@code --json} prints.
     *
     * @param dataset the dataset's name, e.g. {@code ptbxl-superdiagnostic}
     * @param records records kept
     * @param rowsRead records in the source
     * @param droppedNoFinding records without a finding at this level
     * @param droppedMissingFile records skipped for missing files
     * @param codesIgnored unknown or unscored code occurrences left out
     * @param findings records per finding code, in vocabulary order (0 for absent findings)
     * @param folds records per fold
     * @param findingsPerFold records per finding code, per fold
     */
    public record Summary(String dataset, int records, int rowsRead, int droppedNoFinding, int droppedMissingFile,
            int codesIgnored, Map<String, Integer> findings, Map<Integer, Integer> folds,
            Map<Integer, Map<String, Integer>> findingsPerFold) {

        /** The JSON document: snake_case keys, folds as string keys. */
        public String toJson() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", dataset);
            doc.put("records", records);
            doc.put("rows_read", rowsRead);
            doc.put("dropped_no_finding", droppedNoFinding);
            doc.put("dropped_missing_file", droppedMissingFile);
            doc.put("codes_ignored", codesIgnored);
            doc.put("findings", findings);
            Map<String, Integer> f = new LinkedHashMap<>();
            folds.forEach((k, v) -> f.put(k.toString(), v));
            doc.put("folds", f);
            Map<String, Object> per = new LinkedHashMap<>();
            findingsPerFold.forEach((k, v) -> per.put(k.toString(), v));
            doc.put("findings_per_fold", per);
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(dataset).append(": ").append(records).append(" records (of ").append(rowsRead).append(" read; ")
                    .append(droppedNoFinding).append(" without a finding at this level, ").append(droppedMissingFile)
                    .append(" with missing files)\n");
            sb.append("folds: ").append(folds).append('\n');
            sb.append(String.format("%-16s %8s%n", "finding", "records"));
            findings.forEach((code, n) -> sb.append(String.format("%-16s %8d%n", code, n)));
            return sb.toString();
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Loads the dataset and counts. */
    public static Summary summarize(Request request) {
        LabeledDataset ds = request.ptbxl().isPresent()
                ? PtbXl.load(request.ptbxl().get(), request.level(), request.ptbxlOptions())
                : Cinc.load(request.cinc().orElseThrow(), request.cincOptions());
        Map<String, Integer> findings = new LinkedHashMap<>();
        int[] counts = ds.findingCounts();
        for (int f = 0; f < counts.length; f++) {
            findings.put(ds.vocabulary().get(f).code(), counts[f]);
        }
        Map<Integer, Map<String, Integer>> perFold = new TreeMap<>();
        for (LabeledRecord r : ds.records()) {
            Map<String, Integer> m = perFold.computeIfAbsent(r.fold(), k -> new LinkedHashMap<>());
            for (int f : r.findings()) {
                m.merge(ds.vocabulary().get(f).code(), 1, Integer::sum);
            }
        }
        var report = ds.report();
        return new Summary(ds.name(), ds.size(), report.rowsRead(), report.droppedNoFinding(), report.droppedMissingFile(),
                report.codesIgnored(), findings, ds.foldCounts(), perFold);
    }

    /** {@code ecg dataset summary}. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Records, records per finding code, and both per fold.",
            footer = {"", "Examples:",
                "  ecg dataset summary --ptbxl data/ptb-xl --level superdiagnostic --json",
                "  ecg dataset summary --ptbxl data/ptb-xl --level rhythm --sampling-rate 500 --skip-missing-records",
                "  ecg dataset summary --cinc data/cinc2021 --unscored include --ignore-unknown-codes --json"})
    public static final class SummaryCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL root (holds ptbxl_database.csv).")
            Path ptbxl;

            @Option(names = "--cinc", paramLabel = "ROOT", description = "CinC 2020/2021 folder (.hea/.mat, dx_mapping_*.csv).")
            Path cinc;
        }

        @Option(names = "--level", defaultValue = "superdiagnostic", paramLabel = "LEVEL",
                description = "PTB-XL label level: all, diagnostic, subdiagnostic, superdiagnostic, form, rhythm "
                        + "(default ${DEFAULT-VALUE}).")
        String level;

        @Option(names = "--sampling-rate", defaultValue = "100", paramLabel = "HZ",
                description = "PTB-XL records100 (100) or records500 (500); default ${DEFAULT-VALUE}.")
        int samplingRate;

        @Option(names = "--ignore-unknown-codes", description = "Skip codes the dataset's tables do not know (counted).")
        boolean ignoreUnknown;

        @Option(names = "--skip-missing-records", description = "PTB-XL: skip records whose files are missing (counted).")
        boolean skipMissing;

        @Option(names = "--unscored", defaultValue = "drop", paramLabel = "drop|include|fail",
                description = "CinC: what to do with codes of dx_mapping_unscored.csv (default ${DEFAULT-VALUE}).")
        String unscored;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the JSON to this file (atomically).")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Cinc.Unscored policy;
                try {
                    policy = Cinc.Unscored.valueOf(unscored.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    err.println("ecg dataset summary: --unscored must be drop, include or fail, not '" + unscored + "'");
                    err.flush();
                    return 2;
                }
                Request request = new Request(Optional.ofNullable(source.ptbxl), Optional.ofNullable(source.cinc),
                        LabelLevel.parse(level), PtbXl.Options.defaults().withSamplingRate(samplingRate)
                                .withIgnoreUnknownCodes(ignoreUnknown).withSkipMissingRecords(skipMissing),
                        new Cinc.Options(policy, ignoreUnknown));
                Summary s = summarize(request);
                PrintWriter o = spec.commandLine().getOut();
                o.print(json ? s.toJson() + "\n" : s.toString());
                o.flush();
                if (out != null) {
                    AtomicFiles.writeString(out, s.toJson() + "\n");
                }
                return 0;
            } catch (EcgException | UncheckedIOException e) {
                err.println("ecg dataset summary: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }
}
