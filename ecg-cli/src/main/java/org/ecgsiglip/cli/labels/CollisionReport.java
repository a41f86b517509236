package org.ecgsiglip.cli.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The collision statistics of a dataset: per batch size, the expected and measured number of
 * colliding pairs per batch (pairs plain SigLIP marks as negatives although they share a finding),
 * and per finding at one batch size. See {@link Collisions} for the formulas.
 *
 * @param dataset the dataset's name
 * @param records records counted
 * @param excluded codes excluded from the collision test
 * @param pairProbability probability that two distinct random records collide (exact)
 * @param seed seed of the measured batches (each batch size draws from its own stream derived from it)
 * @param batches random batches measured per batch size
 * @param batchSize the batch size of the per-finding table
 * @param sizes one row per batch size, ascending
 * @param findings one row per finding of the vocabulary
 */
public record CollisionReport(String dataset, int records, List<String> excluded, double pairProbability, long seed,
                              int batches, int batchSize, List<SizeRow> sizes, List<FindingRow> findings) {

    public CollisionReport {
        excluded = List.copyOf(excluded);
        sizes = List.copyOf(sizes);
        findings = List.copyOf(findings);
    }

    /**
     * One batch size.
     *
     * @param pairs off-diagonal pairs in a batch, C(n, 2)
     * @param expected expected colliding pairs per batch
     * @param measured mean colliding pairs over the measured batches
     * @param standardError standard error of {@code measured}
     * @param shareWithCollision share of measured batches with at least one collision
     * @param positiveRate expected positive rate of the collision-aware target matrix, diagonal included
     */
    public record SizeRow(int batchSize, double pairs, double expected, double measured, double standardError,
                          double shareWithCollision, double positiveRate) {
    }

    /**
     * One finding at {@link #batchSize()}.
     *
     * @param records records carrying it
     * @param excluded whether it is excluded from the collision test
     * @param expected expected pairs per batch that share it
     * @param measured mean pairs per measured batch that share it
     */
    public record FindingRow(String code, int records, boolean excluded, double expected, double measured) {
    }

    /** Computes the report for {@code sizes} (and {@code batchSize}, which is added when missing). */
    public static CollisionReport of(LabeledDataset dataset, BitSet excluded, int batchSize, List<Integer> sizes,
                                     int batches, long seed) {
        FindingsVocabulary vocabulary = dataset.vocabulary();
        int[][] sets = new int[dataset.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = dataset.records().get(i).findings();
        }
        Collisions c = new Collisions(sets, vocabulary.size(), excluded);
        List<Integer> all = new ArrayList<>(sizes);
        if (!all.contains(batchSize)) {
            all.add(batchSize);
        }
        all = all.stream().distinct().sorted().toList();
        List<SizeRow> rows = new ArrayList<>();
        Collisions.Measured main = null;
        for (int n : all) {
            Collisions.Measured m = c.measure(n, batches, stream(seed, n));
            double expected = c.expectedPairs(n);
            rows.add(new SizeRow(n, Collisions.pairs(n), expected, m.meanPairs(), m.standardError(),
                    m.shareWithCollision(), (n + 2 * expected) / ((double) n * n)));
            if (n == batchSize) {
                main = m;
            }
        }
        int[] counts = c.counts();
        List<FindingRow> findings = new ArrayList<>();
        List<String> excludedCodes = new ArrayList<>();
        for (int k = 0; k < vocabulary.size(); k++) {
            String code = vocabulary.get(k).code();
            if (excluded.get(k)) {
                excludedCodes.add(code);
            }
            findings.add(new FindingRow(code, counts[k], excluded.get(k), c.expectedPairs(batchSize, k, counts),
                    main.perFinding()[k]));
        }
        return new CollisionReport(dataset.name(), dataset.size(), excludedCodes, c.pairProbability(), seed, batches,
                batchSize, rows, findings);
    }

    /** The random stream for batch size {@code n}: a function of (seed, n) only, whatever other sizes are measured. */
    static SplittableRandom stream(long seed, int n) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * n));
    }

    /** The main batch size's row. */
    public SizeRow main() {
        return sizes.stream().filter(s -> s.batchSize() == batchSize).findFirst().orElseThrow();
    }

    /** Aligned text: a summary, the table by batch size, and the per-finding table. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d records, %d findings; excluded from the collision test: %s%n",
                dataset, records, findings.size(), excluded.isEmpty() ? "none" : String.join(", ", excluded)));
        sb.append(String.format(Locale.ROOT, "two random records share a finding with probability %.4f; plain "
                + "(diagonal) SigLIP marks every such pair in a batch as a negative.%n%n", pairProbability));
        sb.append(String.format(Locale.ROOT, "%6s %9s %12s %24s %12s %10s%n", "batch", "pairs", "expected",
                "measured (" + batches + " batches)", ">=1 in batch", "pos. rate"));
        for (SizeRow r : sizes) {
            sb.append(String.format(Locale.ROOT, "%6d %9.0f %12.2f %15.2f ± %6.2f %12.3f %10.4f%n", r.batchSize(),
                    r.pairs(), r.expected(), r.measured(), r.standardError(), r.shareWithCollision(), r.positiveRate()));
        }
        sb.append(String.format(Locale.ROOT, "%nper finding, batch size %d: pairs per batch that share it%n", batchSize));
        sb.append(String.format(Locale.ROOT, "%-10s %8s %11s %10s %10s%n", "finding", "records", "prevalence", "expected",
                "measured"));
        for (FindingRow f : findings) {
            sb.append(String.format(Locale.ROOT, "%-10s %8d %11.4f %10.2f %10.2f%s%n", f.code(), f.records(),
                    (double) f.records() / records, f.expected(), f.measured(), f.excluded() ? "  (excluded)" : ""));
        }
        sb.append(String.format(Locale.ROOT, "%nexpected: exact, from pair counts over all %d records; measured: "
                + "seeded random batches (seed %d), mean ± standard error; >=1 in batch = share of batches with a "
                + "collision; pos. rate = positive share of the collision-aware n x n target matrix.%n", records, seed));
        return sb.toString();
    }

    /** The report as JSON. */
    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("dataset", dataset).put("records", records).put("pair_probability", pairProbability)
                .put("seed", seed).put("batches", batches).put("batch_size", batchSize);
        root.set("excluded", json.valueToTree(excluded));
        ArrayNode s = root.putArray("batch_sizes");
        for (SizeRow r : sizes) {
            s.addObject().put("batch_size", r.batchSize()).put("pairs", r.pairs()).put("expected_colliding_pairs",
                    r.expected()).put("measured_colliding_pairs", r.measured()).put("standard_error", r.standardError())
                    .put("share_of_pairs", r.expected() / r.pairs()).put("batches_with_collision", r.shareWithCollision())
                    .put("positive_rate", r.positiveRate());
        }
        ArrayNode f = root.putArray("findings");
        for (FindingRow r : findings) {
            f.addObject().put("code", r.code()).put("records", r.records()).put("excluded", r.excluded())
                    .put("expected_pairs", r.expected()).put("measured_pairs", r.measured());
        }
        return root;
    }
}
