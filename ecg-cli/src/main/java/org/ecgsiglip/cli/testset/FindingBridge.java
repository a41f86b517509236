package org.ecgsiglip.cli.testset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.PtbXlToCinc;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.cinc.PtbXlMapping;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.io.pipeline.PtbXlSource;
import org.ecgsiglip.io.ptbxl.LabelLevel;

/**
 * Which findings a model is scored on when its vocabulary is not the dataset's, and where each score
 * and each truth comes from ({@link Column}):
 * <ul>
 *   <li>same vocabulary (a PTB-XL model on PTB-XL at its level, a CinC model on CinC): every finding,
 *       the model's score against the dataset's labels;</li>
 *   <li>a PTB-XL model on CinC: the 26 scored classes; a class with PTB-XL counterparts among the
 *       model's findings takes the maximum of their scores ({@link PtbXlToCinc}), the others are scored
 *       zero-shot from their text by a SigLIP model, and left out for the BCE baseline, which has no
 *       text encoder;</li>
 *   <li>a CinC model on PTB-XL (read at level {@code all}): the model's scored classes that have
 *       PTB-XL statements, their truth being any of those statements ({@link PtbXlMapping}); classes
 *       without a statement, and unscored codes, are left out.</li>
 * </ul>
 *
 * @param columns the findings scored, in output order
 * @param leftOut the findings of the dataset's (or the model's) vocabulary that cannot be scored, and why
 */
public record FindingBridge(List<Column> columns, List<LeftOut> leftOut) {

    /** Where a score comes from. */
    public enum From {
        /** The model's own output for the code. */
        MODEL,
        /** The maximum of the model's outputs for the class's PTB-XL statements. */
        MAPPED,
        /** σ(logit) of the record against the finding's text, by a SigLIP model that never trained on it. */
        ZERO_SHOT
    }

    /**
     * One scored finding.
     *
     * @param code the code in the score and truth tables
     * @param text its text
     * @param from where its score comes from
     * @param modelCodes the model's findings that give the score (empty for zero-shot)
     * @param truthCodes the dataset findings whose presence is the truth (the code itself, or PTB-XL statements)
     */
    public record Column(String code, String text, From from, List<String> modelCodes, List<String> truthCodes) {
        public Column {
            modelCodes = List.copyOf(modelCodes);
            truthCodes = List.copyOf(truthCodes);
        }
    }

    /** A finding that is not scored, and why. */
    public record LeftOut(String code, String text, String reason) {
    }

    public FindingBridge {
        columns = List.copyOf(columns);
        leftOut = List.copyOf(leftOut);
        if (columns.isEmpty()) {
            throw new EvalInputException(null, "findings", "no finding of the model can be scored on this dataset ("
                    + leftOut.size() + " left out)", "test the model on a dataset that shares its findings");
        }
    }

    /**
     * The bridge from a model (its vocabulary, whether it has a text encoder, its training source) to a
     * dataset (its source and vocabulary).
     */
    public static FindingBridge of(FindingsVocabulary model, boolean hasTextEncoder, DataSource modelSource,
                                   DataSource data, FindingsVocabulary dataVocabulary) {
        if (modelSource instanceof PtbXlSource && data instanceof CincDataSource) {
            return ptbxlOnCinc(model, hasTextEncoder);
        }
        if (modelSource instanceof CincDataSource && data instanceof PtbXlSource) {
            return cincOnPtbXl(model);
        }
        if (!model.codes().equals(dataVocabulary.codes())) {
            throw new EvalInputException(null, "findings", "the model's findings " + abbreviate(model.codes())
                    + " differ from the dataset's " + abbreviate(dataVocabulary.codes()), "test on the dataset the "
                    + "model's vocabulary comes from (" + modelSource.name() + ")");
        }
        List<Column> columns = new ArrayList<>();
        for (Finding f : model.findings()) {
            columns.add(new Column(f.code(), f.text(), From.MODEL, List.of(f.code()), List.of(f.code())));
        }
        return new FindingBridge(columns, List.of());
    }

    private static FindingBridge ptbxlOnCinc(FindingsVocabulary model, boolean hasTextEncoder) {
        Map<String, List<String>> counterparts = PtbXlToCinc.bundled().counterparts(model.codes());
        List<Column> columns = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        for (Finding f : CincVocabularies.frozen(false).findings()) {
            List<String> statements = counterparts.get(f.code());
            if (statements != null) {
                columns.add(new Column(f.code(), f.text(), From.MAPPED, statements, List.of(f.code())));
            } else if (hasTextEncoder) {
                columns.add(new Column(f.code(), f.text(), From.ZERO_SHOT, List.of(), List.of(f.code())));
            } else {
                left.add(new LeftOut(f.code(), f.text(), "no PTB-XL counterpart among the model's findings, and the "
                        + "supervised baseline has no text encoder to score it zero-shot"));
            }
        }
        return new FindingBridge(columns, left);
    }

    private static FindingBridge cincOnPtbXl(FindingsVocabulary model) {
        Map<String, List<String>> statements = PtbXlMapping.bundled().counterparts(LabelLevel.ALL);
        FindingsVocabulary scored = CincVocabularies.frozen(false);
        List<Column> columns = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        for (Finding f : model.findings()) {
            List<String> truth = statements.get(f.code());
            if (scored.find(f.code()).isEmpty()) {
                left.add(new LeftOut(f.code(), f.text(), "not a scored class, so no PTB-XL statement maps to it"));
            } else if (truth == null) {
                left.add(new LeftOut(f.code(), f.text(), "no PTB-XL statement stands for this class"));
            } else {
                columns.add(new Column(f.code(), f.text(), From.MODEL, List.of(f.code()), truth));
            }
        }
        return new FindingBridge(columns, left);
    }

    /** The codes scored, in order (the header of the score and truth tables). */
    public List<String> codes() {
        return columns.stream().map(Column::code).toList();
    }

    /** The zero-shot findings' texts, in column order. */
    public List<String> zeroShotTexts() {
        return columns.stream().filter(c -> c.from() == From.ZERO_SHOT).map(Column::text).toList();
    }

    /** The codes scored zero-shot. */
    public List<String> zeroShotCodes() {
        return columns.stream().filter(c -> c.from() == From.ZERO_SHOT).map(Column::code).toList();
    }

    /**
     * The scores of the columns: the model's own, the maximum over mapped statements, or the zero-shot
     * scores ({@code zeroShot}'s columns in {@link #zeroShotTexts()} order); rows as in {@code model}.
     */
    public ScoreMatrix scores(ScoreMatrix model, ScoreMatrix zeroShot) {
        boolean mapped = columns.stream().anyMatch(c -> c.from() == From.MAPPED);
        ScoreMatrix carried = mapped ? PtbXlToCinc.bundled().scores(model) : null;
        double[][] out = new double[model.records()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            ScoreMatrix from = switch (c.from()) {
                case MODEL -> model;
                case MAPPED -> carried;
                case ZERO_SHOT -> zeroShot;
            };
            int k = from.codes().indexOf(c.code());
            for (int r = 0; r < out.length; r++) {
                out[r][j] = from.score(r, k);
            }
        }
        return new ScoreMatrix(model.recordIds(), codes(), out);
    }

    /** The truth of the columns for every record of {@code data}, in its order. */
    public TruthMatrix truth(LabeledDataset data) {
        FindingsVocabulary v = data.vocabulary();
        int[][] sources = new int[columns.size()][];
        for (int j = 0; j < sources.length; j++) {
            sources[j] = columns.get(j).truthCodes().stream().mapToInt(v::indexOf).toArray();
        }
        boolean[][] t = new boolean[data.size()][columns.size()];
        List<String> ids = new ArrayList<>(data.size());
        for (int r = 0; r < t.length; r++) {
            ids.add(data.records().get(r).recordId());
            for (int j = 0; j < sources.length; j++) {
                for (int f : sources[j]) {
                    t[r][j] |= data.records().get(r).has(f);
                }
            }
        }
        return new TruthMatrix(ids, codes(), t);
    }

    private static String abbreviate(List<String> codes) {
        return codes.size() <= 8 ? codes.toString() : codes.subList(0, 8) + "... (" + codes.size() + ")";
    }
}
