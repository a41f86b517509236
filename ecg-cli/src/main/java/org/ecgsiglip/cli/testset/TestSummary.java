package org.ecgsiglip.cli.testset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.ecgsiglip.cli.challenge.ChallengeResult;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * What {@code ecg test} did, as {@code test.json} and as the lines it prints before the evaluation:
 * the model and the data it trained on, the records scored, where each finding's score and truth
 * came from (model, mapped, zero-shot), what was left out and why, and the notes on held-out-ness.
 *
 * @param model the model folder
 * @param objective {@code siglip} or {@code bce}
 * @param trainedOn the model's training source
 * @param records the records scored
 * @param bridge the findings scored
 * @param thresholds the decision rule, in words
 */
public record TestSummary(Path model, String objective, DataSource trainedOn, HeldOutRecords records,
                          FindingBridge bridge, String thresholds) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The lines printed before the evaluation. */
    public String header() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s (%s, %s); dataset %s at %s: %d records (%s; %d loaded)%n",
                model, objective, "trained on " + trainedOn.name(), records.dataset().name(), records.source().root(),
                records.dataset().size(), records.folds().isEmpty() ? "every record" : "folds " + records.folds(),
                records.loaded()));
        List<FindingBridge.Column> cols = bridge.columns();
        long own = cols.stream().filter(c -> c.from() == FindingBridge.From.MODEL).count();
        sb.append(String.format(Locale.ROOT, "findings scored: %d (%d the model's own", cols.size(), own));
        List<FindingBridge.Column> mapped = cols.stream().filter(c -> c.from() == FindingBridge.From.MAPPED).toList();
        if (!mapped.isEmpty()) {
            sb.append(", ").append(mapped.size()).append(" carried over from PTB-XL statements");
        }
        List<String> zero = bridge.zeroShotCodes();
        if (!zero.isEmpty()) {
            sb.append(", ").append(zero.size()).append(" zero-shot from their text");
        }
        sb.append(")\n");
        for (FindingBridge.Column c : mapped) {
            sb.append("  ").append(c.code()).append(" ").append(c.text()).append(" <- max(")
                    .append(String.join(", ", c.modelCodes())).append(")\n");
        }
        List<String> zeroShot = cols.stream().filter(c -> c.from() == FindingBridge.From.ZERO_SHOT)
                .map(c -> c.code() + " " + c.text()).toList();
        if (!zeroShot.isEmpty()) {
            wrap(sb, "  zero-shot (scored against their text, never trained on): ", zeroShot);
        }
        for (FindingBridge.Column c : cols) {
            if (c.from() == FindingBridge.From.MODEL && !c.truthCodes().equals(List.of(c.code()))) {
                sb.append("  ").append(c.code()).append(" ").append(c.text()).append(": truth from PTB-XL ")
                        .append(String.join(", ", c.truthCodes())).append('\n');
            }
        }
        Map<String, List<String>> left = new LinkedHashMap<>();
        bridge.leftOut().forEach(l -> left.computeIfAbsent(l.reason(), k -> new ArrayList<>()).add(l.code() + " "
                + l.text()));
        left.forEach((reason, findings) -> wrap(sb, "left out, " + findings.size() + " (" + reason + "): ", findings));
        records.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append("thresholds: ").append(thresholds).append('\n');
        return sb.toString();
    }

    /** {@code lead} and the items joined by "; ", wrapped at 110 characters with a 4-space indent. */
    private static void wrap(StringBuilder sb, String lead, List<String> items) {
        StringBuilder line = new StringBuilder(lead);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? ";" : "");
            if (line.length() + item.length() + 1 > 110 && line.length() > 4) {
                sb.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder("    ");
            }
            line.append(item).append(' ');
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code test.json}: this summary with the headline results. */
    public ObjectNode toJson(Evaluation evaluation, Optional<ChallengeResult> challenge, List<Path> files) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", model.toAbsolutePath().normalize().toString());
        n.put("objective", objective);
        n.set("trained_on", trainedOn.toJson());
        ObjectNode d = n.putObject("dataset");
        ObjectNode source = records.source().toJson();
        if (records.folds().isEmpty() && source.has("split")) {
            source.putNull("split"); // every record: no folds were assigned
        }
        d.set("source", source);
        d.put("name", records.dataset().name());
        d.set("folds", JSON.valueToTree(records.folds()));
        d.put("records", records.dataset().size());
        d.put("records_loaded", records.loaded());
        d.put("own_dataset", records.ownDataset());
        n.set("notes", JSON.valueToTree(records.notes()));
        ArrayNode cols = n.putArray("findings");
        for (FindingBridge.Column c : bridge.columns()) {
            ObjectNode o = cols.addObject().put("code", c.code()).put("text", c.text())
                    .put("from", c.from().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.set("model_codes", JSON.valueToTree(c.modelCodes()));
            o.set("truth_codes", JSON.valueToTree(c.truthCodes()));
        }
        ArrayNode left = n.putArray("left_out");
        bridge.leftOut().forEach(l -> left.addObject().put("code", l.code()).put("text", l.text())
                .put("reason", l.reason()));
        n.put("thresholds", thresholds);
        ObjectNode r = n.putObject("results").put("macro_f1", evaluation.macroF1())
                .put("macro_auroc", evaluation.macroAuroc());
        challenge.ifPresent(c -> {
            ObjectNode o = r.putObject("challenge").put("normalized", c.normalized());
            c.interval().ifPresent(i -> o.put("lower", i.lower()).put("upper", i.upper()).put("level", i.level()));
        });
        ArrayNode f = n.putArray("files");
        files.forEach(p -> f.add(p.getFileName().toString()));
        return n;
    }

    /** Writes {@code dir/test.json} atomically and returns its path. */
    public Path write(Path dir, Evaluation evaluation, Optional<ChallengeResult> challenge, List<Path> files) {
        Path file = dir.resolve("test.json");
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(toJson(evaluation, challenge, files)) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
        return file;
    }
}
