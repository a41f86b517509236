package org.ecgsiglip.cli.challenge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.challenge.ChallengeComparison;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The Challenge scores of two score tables on the same records, each at its own thresholds, and their
 * paired bootstrap difference {@code B - A} ({@link ChallengeMetric#compare}).
 *
 * @param option the reward table
 * @param a the name of side A (the reference)
 * @param b the name of side B (the candidate)
 * @param comparison both scores with intervals, and the difference with its interval and p-value
 * @param coverageA how A's columns meet the classes
 * @param coverageB how B's columns meet the classes
 */
public record ChallengeDifference(ChallengeOption option, String a, String b, ChallengeComparison comparison,
                                  ChallengeResult.Coverage coverageA, ChallengeResult.Coverage coverageB) {

    /** Compares A and B on the same truth (aligned to A) with one bootstrap. */
    public static ChallengeDifference of(ChallengeOption option, String nameA, ScoreMatrix sa, Path fileA,
                                         Thresholds ta, String nameB, ScoreMatrix sb, Path fileB, Thresholds tb,
                                         TruthMatrix truth, boolean atLeastOne, Bootstrap bootstrap) {
        ChallengeResult.Coverage ca = ChallengeResult.Coverage.of(option.weights(), sa.codes(), fileA);
        ChallengeResult.Coverage cb = ChallengeResult.Coverage.of(option.weights(), sb.codes(), fileB);
        ChallengeComparison c = ChallengeMetric.compare(ChallengeResult.data(option, sa, truth, ta, atLeastOne),
                ChallengeResult.data(option, sb, truth, tb, atLeastOne), bootstrap);
        return new ChallengeDifference(option, nameA, nameB, c, ca, cb);
    }

    /** The paired difference B - A. */
    public Difference difference() {
        return comparison.difference();
    }

    /** {@code challenge.json} of a comparison. */
    public ObjectNode toJson() {
        ObjectNode n = ChallengeResult.JSON.createObjectNode();
        ChallengeResult.putWeights(n, option);
        ObjectNode an = n.putObject("a").put("name", a);
        ChallengeResult.putScore(an.putObject("score"), comparison.a().score(), Optional.of(comparison.a().interval()));
        coverageA.put(an);
        ObjectNode bn = n.putObject("b").put("name", b);
        ChallengeResult.putScore(bn.putObject("score"), comparison.b().score(), Optional.of(comparison.b().interval()));
        coverageB.put(bn);
        Difference d = difference();
        n.putObject("difference").put("estimate", d.estimate()).put("lower", d.lower()).put("upper", d.upper())
                .put("level", d.level()).put("p", d.pValue()).put("replicates", d.replicates());
        ChallengeResult.putBootstrap(n, comparison.a().bootstrap());
        return n;
    }

    /** Writes {@code dir/challenge.json} atomically and returns its path. */
    public Path write(Path dir) {
        Path file = dir.resolve("challenge.json");
        AtomicFiles.writeString(file, ChallengeResult.json(toJson()));
        return file;
    }

    @Override
    public String toString() {
        Difference d = difference();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Challenge score: %s %.4f, %s %.4f; %s - %s "
                        + "%+.4f (%.0f%% CI %+.4f to %+.4f, p = %.4f, B=%d)%n", a, comparison.a().normalized(), b,
                comparison.b().normalized(), b, a, d.estimate(), 100 * d.level(), d.lower(), d.upper(), d.pValue(),
                d.replicates()));
        ChallengeResult.describeWeights(sb, option);
        coverageA.describe(sb, a);
        coverageB.describe(sb, b);
        return sb.toString();
    }
}
