package org.ecgsiglip.eval.challenge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.util.Csv;

/**
 * The reward matrix of the PhysioNet/CinC Challenge 2020/2021 metric: {@code weights.csv}, a square
 * table whose header row and first column name the scored classes in the same order, and whose
 * entry {@code W[j][k]} is the credit for output class {@code k} on a record labelled {@code j}
 * (1 on the diagonal, partial credit for clinically close classes). A class is one SNOMED-CT code
 * or equivalent codes joined by {@code |} (2021: {@code 733534002|164909002} and three more); the
 * first code is the class's code. Cells that are {@code nan} or {@code NaN} are NaN, and, as the
 * official {@code np.nansum} does, add nothing to a score; any other cell must be a number.
 *
 * <p>The 2020 table names each code in its own column; {@link #mergeEquivalent} with
 * {@link #EQUIVALENT_CODES_2020} merges them as the 2020 evaluation code does.
 */
public final class ChallengeWeights {
    /** The SNOMED-CT code of sinus rhythm, the one output of the Challenge's inactive classifier. */
    public static final String SINUS_RHYTHM = "426783006";
    /** The equivalent codes the 2020 evaluation merges (the 2021 table has them, and LBBB, merged). */
    public static final List<List<String>> EQUIVALENT_CODES_2020 = List.of(List.of("713427006", "59118001"),
            List.of("284470004", "63593006"), List.of("427172004", "17338001"));

    /** The bundled copy of the 2021 Challenge's weights.csv (classpath resource). */
    public static final String CHALLENGE_2021 = "/org/ecgsiglip/eval/challenge/weights-2021.csv";

    private final List<List<String>> classes;
    private final double[][] weights;
    private final Map<String, Integer> classOf;

    private ChallengeWeights(List<List<String>> classes, double[][] weights, Path source) {
        this.classes = classes.stream().map(List::copyOf).toList();
        int n = classes.size();
        this.weights = new double[n][];
        for (int j = 0; j < n; j++) {
            if (weights[j].length != n) {
                throw new IllegalArgumentException("weight row " + j + " has " + weights[j].length + " entries for "
                        + n + " classes");
            }
            this.weights[j] = weights[j].clone();
        }
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < n; j++) {
            for (String code : this.classes.get(j)) {
                Integer prev = m.putIfAbsent(code, j);
                if (prev != null) {
                    throw new EvalInputException(source, "class " + (j + 1), "code " + code + " is in class "
                            + (prev + 1) + " and class " + (j + 1), "name each code in one class only");
                }
            }
        }
        this.classOf = Map.copyOf(m);
    }

    /**
     * Weights over explicit classes.
     *
     * @param classes each class's codes, canonical code first
     * @param weights {@code [label class][output class]}, square, same order
     */
    public static ChallengeWeights of(List<List<String>> classes, double[][] weights) {
        if (classes.isEmpty() || weights.length != classes.size()) {
            throw new IllegalArgumentException(classes.size() + " classes for " + weights.length + " weight rows");
        }
        return new ChallengeWeights(classes, weights, null);
    }

    /**
     * The 2021 Challenge's {@code weights.csv} as shipped with the toolkit ({@value #CHALLENGE_2021}: a
     * byte-for-byte copy from physionetchallenges/evaluation-2021, BSD-2-Clause; see the NOTICE beside it).
     */
    public static ChallengeWeights challenge2021() {
        try (java.io.InputStream in = ChallengeWeights.class.getResourceAsStream(CHALLENGE_2021)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CHALLENGE_2021 + " is missing from the ecg-eval jar");
            }
            Path source = Path.of(CHALLENGE_2021);
            return parse(Csv.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), source),
                    source);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read resource " + CHALLENGE_2021, e);
        }
    }

    /** Reads a {@code weights.csv} as the Challenge distributes it. */
    public static ChallengeWeights read(Path file) {
        return parse(Csv.read(file), file);
    }

    private static ChallengeWeights parse(Csv csv, Path file) {
        List<String> header = csv.header();
        int n = header.size() - 1;
        List<List<String>> classes = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            classes.add(codes(header.get(c), file, "line 1, column " + (c + 1)));
        }
        if (n < 1 || csv.rows().size() != n) {
            throw new EvalInputException(file, null, "the table has " + n + " class columns and "
                    + csv.rows().size() + " rows; it must be square", "use the Challenge's weights.csv");
        }
        double[][] w = new double[n][n];
        for (int j = 0; j < n; j++) {
            Csv.Row row = csv.rows().get(j);
            if (row.fields().size() != n + 1) {
                throw new EvalInputException(file, "line " + row.line(), "row has " + row.fields().size()
                        + " fields, the header " + (n + 1), "give every row a class name and one weight per class");
            }
            List<String> rowClass = codes(row.fields().get(0), file, "line " + row.line() + ", column 1");
            if (!Set.copyOf(rowClass).equals(Set.copyOf(classes.get(j)))) {
                throw new EvalInputException(file, "line " + row.line() + ", column 1", "row class '"
                        + row.fields().get(0).strip() + "' is not column " + (j + 2) + "'s class '"
                        + header.get(j + 1).strip() + "'", "list the classes in the same order in both");
            }
            for (int k = 0; k < n; k++) {
                w[j][k] = number(row.fields().get(k + 1), file, "line " + row.line() + ", column " + (k + 2));
            }
        }
        return new ChallengeWeights(classes, w, file);
    }

    private static List<String> codes(String cell, Path file, String where) {
        List<String> codes = Arrays.stream(cell.split("\\|", -1)).map(String::strip).toList();
        for (String c : codes) {
            if (!c.matches("\\d+")) {
                throw new EvalInputException(file, where, "'" + abbreviate(cell.strip())
                        + "' is not a SNOMED-CT code or codes joined by |", "use the Challenge's weights.csv");
            }
        }
        if (Set.copyOf(codes).size() != codes.size()) {
            throw new EvalInputException(file, where, "class '" + abbreviate(cell.strip()) + "' repeats a code",
                    "name each code once");
        }
        return codes;
    }

    private static double number(String cell, Path file, String where) {
        String t = cell.strip();
        if (t.equals("nan") || t.equals("NaN")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EvalInputException(file, where, "weight '" + abbreviate(t) + "' is not a finite number",
                "write a number, or nan for a pair that earns nothing");
    }

    /**
     * The same weights with each group of equivalent codes merged into one class, as the 2020
     * evaluation does: the classes holding a group's codes become one, named by the group's first
     * code, at the first one's position. Their rows and columns must be equal.
     *
     * @throws EvalInputException when merged classes have different weights
     */
    public ChallengeWeights mergeEquivalent(List<List<String>> groups) {
        int n = classes.size();
        int[] target = new int[n];
        for (int j = 0; j < n; j++) {
            target[j] = j;
        }
        for (List<String> group : groups) {
            int first = -1;
            for (String code : group) {
                OptionalInt c = classOf(code);
                if (c.isPresent() && first < 0) {
                    first = c.getAsInt();
                } else if (c.isPresent()) {
                    int a = root(target, first);
                    int b = root(target, c.getAsInt());
                    target[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            int r = root(target, j);
            if (r == j) {
                kept.add(j);
            } else if (!Arrays.equals(weights[j], weights[r]) || !Arrays.equals(column(j), column(r))) {
                throw new EvalInputException(null, "classes " + classes.get(r) + " and " + classes.get(j),
                        "equivalent classes have different weights", "merge only classes the table treats alike");
            }
        }
        List<List<String>> merged = new ArrayList<>();
        double[][] w = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            int j = kept.get(a);
            LinkedHashSet<String> codes = new LinkedHashSet<>();
            for (List<String> group : groups) {
                OptionalInt representative = classOf(group.get(0));
                if (representative.isPresent() && root(target, representative.getAsInt()) == j) {
                    codes.add(group.get(0));
                }
            }
            for (int i = 0; i < n; i++) {
                if (root(target, i) == j) {
                    codes.addAll(classes.get(i));
                }
            }
            merged.add(List.copyOf(codes));
            for (int b = 0; b < kept.size(); b++) {
                w[a][b] = weights[j][kept.get(b)];
            }
        }
        return new ChallengeWeights(merged, w, null);
    }

    private static int root(int[] target, int j) {
        while (target[j] != j) {
            j = target[j];
        }
        return j;
    }

    private double[] column(int k) {
        double[] c = new double[weights.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = weights[j][k];
        }
        return c;
    }

    /** Number of classes. */
    public int size() {
        return classes.size();
    }

    /** Each class's codes, canonical code first, in table order. */
    public List<List<String>> classes() {
        return classes;
    }

    /** The canonical (first) code of each class. */
    public List<String> codes() {
        return classes.stream().map(c -> c.get(0)).toList();
    }

    /** {@code W[label][output]}, NaN where the table says nan. */
    public double weight(int label, int output) {
        return weights[label][output];
    }

    /** The class that holds {@code code}, if any. */
    public OptionalInt classOf(String code) {
        Integer j = classOf.get(code);
        return j == null ? OptionalInt.empty() : OptionalInt.of(j);
    }

    /**
     * The class of sinus rhythm ({@value #SINUS_RHYTHM}). The official code looks for a class that
     * is this code alone (as in both published tables) and refuses other tables; here a class
     * holding the code together with equivalent codes serves as well.
     *
     * @throws EvalInputException when no class holds the code, as the official code refuses it
     */
    public int sinusRhythm() {
        return classOf(SINUS_RHYTHM).orElseThrow(() -> new EvalInputException(null, "weights", "the weights have no"
                + " sinus rhythm class " + SINUS_RHYTHM + ", which the inactive classifier outputs",
                "use a weights table that scores sinus rhythm"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeWeights w && classes.equals(w.classes) && Arrays.deepEquals(weights, w.weights);
    }

    @Override
    public int hashCode() {
        return classes.hashCode();
    }

    @Override
    public String toString() {
        return "ChallengeWeights[" + size() + " classes " + codes() + "]";
    }
}
