package org.ecgsiglip.text.minilm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.siglip.TextStrategy;
import org.ecgsiglip.model.text.TextColumns;
import org.ecgsiglip.model.text.TextFeatures;

/**
 * Benchmark-style printout, not a test: the model's load time in a fresh JVM, embedding time per text
 * (the PTB-XL vocabulary's finding texts and report texts), and what embedding every distinct report text
 * drawn would cost a training run (REPORT texts, folds 1–8 of the PTB-XL folder given, the bundled sample by
 * default) — the alternative to the mean of the findings' embeddings that {@code SentenceFeatures} uses,
 * which costs no embedding beyond the vocabulary's.
 * Run: {@code java -cp <test class path> org.ecgsiglip.text.minilm.MiniLmTiming [PTBXL_ROOT]}.
 */
public final class MiniLmTiming {
    private MiniLmTiming() {
    }

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : TestData.sample();
        MiniLmEncoder encoder = new MiniLmEncoder();
        long t0 = System.nanoTime();
        encoder.embed("warm");
        System.out.printf("model load (files read, session, tokenizer): %.2f s; first embedding call in all %.2f s%n",
                encoder.loadSeconds(), (System.nanoTime() - t0) / 1e9);

        List<String> findings = PtbXl.load(root, LabelLevel.ALL).vocabulary().texts();
        for (int pass = 1; pass <= 3; pass++) {
            System.out.printf("pass %d: %.2f ms per finding text (%d PTB-XL 'all' texts)%n", pass,
                    msPerText(encoder, findings), findings.size());
        }
        for (LabelLevel level : List.of(LabelLevel.SUPERDIAGNOSTIC, LabelLevel.ALL)) {
            LabeledDataset data = PtbXl.load(root, level);
            List<int[]> sets = new ArrayList<>();
            Set<String> distinctSets = new HashSet<>();
            for (LabeledRecord r : data.records()) {
                if (r.fold() <= 8) {
                    sets.add(r.findings());
                    distinctSets.add(java.util.Arrays.toString(r.findings()));
                }
            }
            Set<String> reports = new HashSet<>();
            TextFeatures capture = new TextFeatures() {
                @Override
                public int dimension() {
                    return 1;
                }

                @Override
                public void addFeatures(String text, float[] dst, int offset) {
                    reports.add(text);
                }
            };
            TextColumns columns = new TextColumns(TextStrategy.REPORT, data.vocabulary(), capture, new BitSet());
            SplittableRandom rng = new SplittableRandom(42);
            int afterOne = 0;
            for (int epoch = 1; epoch <= 30; epoch++) {
                for (int start = 0; start < sets.size(); start += 128) {
                    columns.make(sets.subList(start, Math.min(sets.size(), start + 128)).toArray(new int[0][]), rng);
                }
                afterOne = epoch == 1 ? reports.size() : afterOne;
            }
            List<String> sample = new ArrayList<>(reports).subList(0, Math.min(200, reports.size()));
            double ms = msPerText(encoder, sample);
            System.out.printf("%s: %d training records, %d distinct finding sets, distinct joined report texts "
                    + "%d after epoch 1, %d after 30; %.2f ms per report text -> embedding each joined text would take "
                    + "%.1f s in epoch 1, %.1f s over 30 epochs (%.1f MB memoised); the mean of findings: 0 s%n", level, sets.size(), distinctSets.size(), afterOne,
                    reports.size(), ms, afterOne * ms / 1e3, reports.size() * ms / 1e3,
                    reports.size() * 384 * 4 / 1e6);
        }
    }

    private static double msPerText(MiniLmEncoder encoder, List<String> texts) {
        long t = System.nanoTime();
        for (String s : texts) {
            encoder.embed(s);
        }
        return (System.nanoTime() - t) / 1e6 / texts.size();
    }
}
