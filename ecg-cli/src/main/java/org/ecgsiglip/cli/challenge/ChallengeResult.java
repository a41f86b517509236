package org.ecgsiglip.cli.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Decisions;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeEvaluation;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeScore;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The Challenge score of one score table: the outputs are the findings at or above their thresholds
 * (the decisions {@code ecg evaluate} counts F1 with), scored against the truth with a reward table;
 * with a bootstrap, its percentile interval over the same resamples as the per-finding intervals.
 *
 * @param option the reward table
 * @param score the score on all records
 * @param evaluation the score with its interval, when a bootstrap was asked for
 * @param coverage which classes had no score column and which columns belong to no class
 */
public record ChallengeResult(ChallengeOption option, ChallengeScore score, Optional<ChallengeEvaluation> evaluation,
                              Coverage coverage) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How a score table's columns meet the table's classes.
     *
     * @param classesWithoutOutput canonical codes of the classes none of whose codes is a column: never output
     * @param columnsNotScored columns that are no code of any class: left out of the score
     */
    public record Coverage(List<String> classesWithoutOutput, List<String> columnsNotScored) {
        public Coverage {
            classesWithoutOutput = List.copyOf(classesWithoutOutput);
            columnsNotScored = List.copyOf(columnsNotScored);
        }

        /** The coverage of {@code columns}; none of them a class is a typed error naming {@code file}. */
        static Coverage of(ChallengeWeights w, List<String> columns, Path file) {
            List<String> without = new ArrayList<>();
            for (List<String> cls : w.classes()) {
                if (cls.stream().noneMatch(columns::contains)) {
                    without.add(cls.get(0));
                }
            }
            List<String> notScored = columns.stream().filter(c -> w.classOf(c).isEmpty()).toList();
            if (notScored.size() == columns.size()) {
                throw new EvalInputException(file, "line 1", "none of the columns " + abbreviate(columns) + " is a "
                        + "SNOMED-CT code of the reward table's " + w.size() + " classes",
                        "score CinC classes (e.g. 'ecg test --cinc' carries PTB-XL findings over to them), or name "
                                + "a weights.csv over these codes");
            }
            return new Coverage(without, notScored);
        }

        void put(ObjectNode n) {
            n.set("classes_without_output", JSON.valueToTree(classesWithoutOutput));
            n.set("columns_not_scored", JSON.valueToTree(columnsNotScored));
        }

        void describe(StringBuilder sb, String who) {
            if (!classesWithoutOutput.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  %s: %d class(es) with no score column, counted as never output:"
                        + " %s%n", who, classesWithoutOutput.size(), String.join(", ", classesWithoutOutput)));
            }
            if (!columnsNotScored.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  %s: column(s) of no scored class, not scored: %s%n", who,
                        String.join(", ", columnsNotScored)));
            }
        }
    }

    /**
     * Scores {@code scores} at {@code thresholds} against {@code truth} (aligned to the scores, same
     * columns), with an interval over {@code bootstrap}'s resamples when given.
     */
    public static ChallengeResult of(ChallengeOption option, ScoreMatrix scores, Path scoresFile, TruthMatrix truth,
                                     Thresholds thresholds, boolean atLeastOne, Optional<Bootstrap> bootstrap) {
        Coverage coverage = Coverage.of(option.weights(), scores.codes(), scoresFile);
        ChallengeData data = data(option, scores, truth, thresholds, atLeastOne);
        Optional<ChallengeEvaluation> e = bootstrap.map(b -> ChallengeMetric.evaluate(data, b));
        return new ChallengeResult(option, e.map(ChallengeEvaluation::score).orElseGet(() -> ChallengeMetric.score(data)),
                e, coverage);
    }

    /** The labels and outputs the Challenge metric reads. */
    static ChallengeData data(ChallengeOption option, ScoreMatrix scores, TruthMatrix truth, Thresholds thresholds,
                              boolean atLeastOne) {
        TruthMatrix outputs = new TruthMatrix(scores.recordIds(), scores.codes(),
                Decisions.predict(scores, thresholds, atLeastOne));
        return ChallengeData.of(option.weights(), truth, outputs);
    }

    /** The normalised score. */
    public double normalized() {
        return score.normalized();
    }

    /** The interval of the normalised score, when there was a bootstrap. */
    public Optional<ConfidenceInterval> interval() {
        return evaluation.map(ChallengeEvaluation::interval);
    }

    /** {@code challenge.json}. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        putWeights(n, option);
        putScore(n.putObject("score"), score, interval());
        evaluation.ifPresent(e -> putBootstrap(n, e.bootstrap()));
        coverage.put(n);
        return n;
    }

    /** Writes {@code dir/challenge.json} atomically and returns its path. */
    public Path write(Path dir) {
        Path file = dir.resolve("challenge.json");
        AtomicFiles.writeString(file, json(toJson()));
        return file;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(evaluation.map(ChallengeEvaluation::toString).orElse(score.toString()))
                .append('\n');
        if (score.correct() == score.inactive()) {
            sb.append("  the perfect and the inactive (sinus rhythm only) outputs score alike here, so the score is 0 by"
                    + " the Challenge's definition and says nothing about these outputs\n");
        }
        describeWeights(sb, option);
        coverage.describe(sb, "scores");
        return sb.toString();
    }

    static void putWeights(ObjectNode n, ChallengeOption option) {
        ObjectNode w = n.putObject("weights");
        w.put("source", option.source());
        w.put("sha256", option.sha256());
        w.put("classes", option.weights().size());
        w.set("codes", JSON.valueToTree(option.weights().codes()));
        w.set("left_out", JSON.valueToTree(option.left()));
    }

    static void putScore(ObjectNode n, ChallengeScore s, Optional<ConfidenceInterval> ci) {
        n.put("normalized", s.normalized());
        n.put("observed", s.observed());
        n.put("correct", s.correct());
        n.put("inactive", s.inactive());
        n.put("records", s.records());
        n.put("records_without_scored_label", s.recordsWithoutScoredLabel());
        ci.ifPresent(i -> n.put("lower", i.lower()).put("upper", i.upper()).put("level", i.level()));
    }

    static void putBootstrap(ObjectNode n, Bootstrap b) {
        n.putObject("bootstrap").put("replicates", b.replicates()).put("seed", b.seed()).put("level", b.level())
                .put("unit", b.unit());
    }

    static void describeWeights(StringBuilder sb, ChallengeOption option) {
        sb.append("  weights: ").append(option.source()).append(", ").append(option.weights().size())
                .append(" classes\n");
        if (!option.left().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  left out of the score (their rows and columns of the weights "
                    + "dropped): %s%n", String.join(", ", option.left())));
        }
    }

    static String json(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    private static String abbreviate(List<String> codes) {
        return codes.size() <= 8 ? codes.toString() : codes.subList(0, 8) + "... (" + codes.size() + ")";
    }
}
