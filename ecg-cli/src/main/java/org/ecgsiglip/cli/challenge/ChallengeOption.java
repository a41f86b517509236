package org.ecgsiglip.cli.challenge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.util.Sha256;

/**
 * The reward table a Challenge score is computed with, and where it came from.
 *
 * @param weights the table (equivalent codes merged, as in the 2021 file)
 * @param source the file it was read from, or {@code challenge2021 (bundled)}
 * @param sha256 the SHA-256 of the table's file (the bundled copy's for the preset)
 * @param left the classes of the original table left out by {@link #restrictedTo}, canonical codes
 */
public record ChallengeOption(ChallengeWeights weights, String source, String sha256, List<String> left) {
    /** The name of the bundled 2021 table's preset: {@code --metric challenge2021}. */
    public static final String CHALLENGE_2021 = "challenge2021";

    public ChallengeOption {
        Objects.requireNonNull(weights, "weights");
        left = List.copyOf(left);
    }

    /** A {@code weights.csv} the user names; a file that is not one is a typed error naming the cell. */
    public static ChallengeOption file(Path weightsCsv) {
        return new ChallengeOption(ChallengeWeights.read(weightsCsv), weightsCsv.toString(), Sha256.of(weightsCsv),
                List.of());
    }

    /** A bundled table by name ({@value #CHALLENGE_2021}). */
    public static ChallengeOption preset(String name) {
        if (!CHALLENGE_2021.equals(name)) {
            throw new ConfigurationException("--metric", "unknown metric '" + name + "'", "use --metric "
                    + CHALLENGE_2021 + " (the 2021 Challenge's weights.csv, bundled), or --challenge-weights FILE");
        }
        return challenge2021();
    }

    /** The 2021 Challenge's weights.csv as bundled with the toolkit. */
    public static ChallengeOption challenge2021() {
        try (InputStream in = ChallengeWeights.class.getResourceAsStream(ChallengeWeights.CHALLENGE_2021)) {
            return new ChallengeOption(ChallengeWeights.challenge2021(), CHALLENGE_2021 + " (bundled weights.csv)",
                    Sha256.of(in.readAllBytes()), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same table over the classes that hold one of {@code codes} only (rows and columns of the
     * others dropped): for a model that cannot score every class, whose other classes are left out of
     * the score rather than counted as never output.
     *
     * @throws EvalInputException when sinus rhythm, the inactive classifier's output, would be left out
     */
    public ChallengeOption restrictedTo(Collection<String> codes) {
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>(left);
        for (int j = 0; j < weights.size(); j++) {
            if (weights.classes().get(j).stream().anyMatch(codes::contains)) {
                kept.add(j);
            } else {
                dropped.add(weights.codes().get(j));
            }
        }
        if (kept.size() == weights.size()) {
            return this;
        }
        int sinus = weights.sinusRhythm();
        if (!kept.contains(sinus)) {
            throw new EvalInputException(null, "findings", "the classes that can be scored " + codes + " leave out "
                    + "sinus rhythm (" + ChallengeWeights.SINUS_RHYTHM + "), which the Challenge score needs",
                    "score sinus rhythm too (a SigLIP model scores it from its text; a PTB-XL model through SR or "
                            + "NORM)");
        }
        List<List<String>> classes = new ArrayList<>();
        double[][] w = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            classes.add(weights.classes().get(kept.get(a)));
            for (int b = 0; b < kept.size(); b++) {
                w[a][b] = weights.weight(kept.get(a), kept.get(b));
            }
        }
        return new ChallengeOption(ChallengeWeights.of(classes, w), source, sha256, dropped);
    }
}
