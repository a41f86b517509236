package org.ecgsiglip.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.folder.ModelFolder;
import org.ecgsiglip.model.folder.ModelPackage;
import org.ecgsiglip.model.folder.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg package --model RUN --out DIR}: a lean, verified copy of a finished model folder to ship or
 * share ({@link ModelPackage}), with {@code MODEL.md}, a card written from the folder's own provenance and
 * validation evaluation: what the model is, the data it was trained and selected on, its validation
 * figures, the data's licence and what to cite.
 */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Write a lean, verified copy of a finished model folder (best weights, pipeline, "
                + "vocabulary, validation evaluation, provenance) with a model card, to ship or share.",
        footer = {"", "Examples:", "  ecg package --model runs/shared --out models/ptbxl-superdiagnostic",
            "  ecg predict --model models/ptbxl-superdiagnostic --records data/ptb-xl-sample/records100 --out s.csv",
            "Left out: the optimizer state, the last checkpoint and the per-step log (a package predicts and "
                    + "evaluates; it does not resume training)."})
public final class PackageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A finished run folder.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new folder (must not exist, or be empty).")
    Path out;

    /** What to package, and where. */
    public record Request(Path model, Path out) {
    }

    /** The package written: its folder and files. */
    public record Result(Path folder, List<String> files) {
    }

    @Override
    public Integer call() {
        Result r = run(new Request(model, out));
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + r.files().size() + " files (verified) -> " + r.folder());
        o.flush();
        return 0;
    }

    public static Result run(Request request) {
        RunDirectory run = ModelFolder.open(request.model(), false).run();
        String card = card(run, request.out().getFileName().toString());
        List<String> files = ModelPackage.write(request.model(), request.out(), Map.of("MODEL.md", card));
        return new Result(request.out(), files);
    }

    /** The model card, from the folder's provenance and validation evaluation. */
    static String card(RunDirectory run, String name) {
        JsonNode p = read(run.provenance());
        JsonNode m = read(run.validation().resolve("metrics.json"));
        JsonNode c = read(run.config());
        StringBuilder s = new StringBuilder();
        String dataset = p.path("data").path("dataset").asText("");
        boolean ptbxl = dataset.startsWith("ptbxl");
        s.append("# ").append(name).append("\n\n");
        s.append(p.path("objective").asText().equals("siglip")
                ? "A SigLIP model (signal encoder and findings-text encoder), label matrix `"
                        + p.path("label_matrix").asText() + "`, `" + p.path("text_strategy").asText() + "` texts"
                : "The supervised baseline (BCE)");
        s.append(", encoder `").append(c.path("encoder").asText()).append("`, head `").append(c.path("head").asText())
                .append("`, seed ").append(p.path("seed").asText()).append(".\n\n");
        s.append("- Data: `").append(dataset).append("`, training folds ").append(p.path("train_folds"))
                .append(" (").append(p.path("train_records").asText()).append(" records), the epoch chosen on ")
                .append("validation folds ").append(p.path("validation_folds")).append(" (")
                .append(p.path("validation_records").asText()).append(" records) by `")
                .append(c.path("select-by").asText()).append("`.\n");
        s.append("- Input pipeline digest `").append(p.path("pipeline_digest").asText()).append("`; toolkit ")
                .append(p.path("toolkit_version").asText()).append(", git ").append(p.path("git_commit").asText())
                .append(", ").append(p.path("engine").asText()).append(" on ").append(p.path("device").asText())
                .append(".\n");
        s.append("- Retrain: `ecg train --config config.json --out NEW_FOLDER` (with `ptbxl`/`cinc` pointing at "
                + "the data).\n\n");
        s.append("## Validation (the folds that chose the epoch: optimistic)\n\n");
        JsonNode a = m.path("averages");
        s.append(String.format(Locale.ROOT, "macro-AUROC %.4f, macro-F1 at 0.5 %.4f, macro-AUPRC %.4f, macro Brier %.4f, "
                        + "macro ECE (10 equal-width bins) %.4f, %d records.%n%n", a.path("macro_auroc").asDouble(),
                a.path("macro_f1").asDouble(), a.path("macro_auprc").asDouble(),
                m.path("calibration").path("macro_brier").asDouble(),
                m.path("calibration").path("macro_ece").path("uniform_10").asDouble(),
                m.path("provenance").path("records").asInt()));
        s.append("| finding | support | AUROC | F1 at 0.5 |\n|---|---|---|---|\n");
        for (JsonNode f : m.path("findings")) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f |%n", f.path("code").asText(),
                    f.path("support").asInt(), f.path("auroc").asDouble(), f.path("f1").asDouble()));
        }
        s.append("\n`validation/scores.csv` holds the scores these figures come from; the toolkit's tests score the "
                + "records they have with this folder and compare.\n\n");
        s.append("## Licence and citation\n\n");
        if (ptbxl) {
            s.append("Trained on PTB-XL (Wagner et al., 2020), which PhysioNet distributes under the Creative Commons "
                    + "Attribution 4.0 International licence (CC BY 4.0); these weights are derived from it and are "
                    + "shared under the same licence, with attribution. Cite: Wagner, P., Strodthoff, N., "
                    + "Bousseljot, R.-D., Kreiseler, D., Lunze, F.I., Samek, W., Schaeffter, T. (2020). PTB-XL, a "
                    + "large publicly available electrocardiography dataset. Scientific Data 7, 154. "
                    + "https://doi.org/10.1038/s41597-020-0495-6, and Goldberger, A. et al. (2000), PhysioBank, "
                    + "PhysioToolkit, and PhysioNet, Circulation 101(23):e215-e220.\n");
        } else {
            s.append("Trained on the data named above; its licence applies to these weights. For the PhysioNet/CinC "
                    + "Challenge 2020/2021 data, cite Perez Alday et al. (2020) and Reyna et al. (2021).\n");
        }
        s.append("\nNot a medical device: for research only.\n");
        return s.toString();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read it: " + e.getMessage(), "package a finished run folder");
        }
    }
}
