package org.ecgsiglip.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.RecordReader;

/**
 * Scores one partition of a manifest: rows in, one output row per input row, in the same order.
 * Records go to the model chunk by chunk through {@code Predictor.scoreRecords} (which reads,
 * preprocesses and scores them), chunk {@code c} being the manifest rows {@code [Bc, Bc + B)}, B = {@link #CHUNK}:
 * the batches {@code Predictor.scoreRecords} itself forms over the whole list ({@value #CHUNK}, its
 * batch size), so each record meets the same batch-mates as in {@code ecg predict} and gets
 * bit-identical scores (a different batch composition moves about one value in 500 by one float32
 * ulp). When a chunk fails, its records are read one by one: those
 * that cannot be read become error rows, the rest are scored together, and if that still fails (a
 * record that reads but cannot be preprocessed), each is scored alone. Only an {@link Error} (out of
 * memory, say) fails the task, which Spark then retries.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    static final int CHUNK = org.ecgsiglip.model.core.Scorer.BATCH;
    private static final int MAX_MESSAGE = 1000;

    private final String model;
    private final String device;
    private final int findings;

    PartitionScorer(Path model, String device, int findings) {
        this.model = model.toAbsolutePath().normalize().toString();
        this.device = device;
        this.findings = findings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        LoadedModels.Model m = LoadedModels.get(Path.of(model), device);
        return new Iterator<>() {
            private Iterator<Row> chunk = List.<Row>of().iterator();
            private Row pending;

            @Override
            public boolean hasNext() {
                if (!chunk.hasNext() && (pending != null || input.hasNext())) {
                    List<Row> rows = new ArrayList<>(CHUNK);
                    rows.add(pending != null ? pending : input.next());
                    pending = null;
                    long c = rows.get(0).getLong(0) / CHUNK;
                    while (input.hasNext()) {
                        Row r = input.next();
                        if (r.getLong(0) / CHUNK != c) {
                            pending = r;
                            break;
                        }
                        rows.add(r);
                    }
                    chunk = score(m, rows).iterator();
                }
                return chunk.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }

    private List<Row> score(LoadedModels.Model m, List<Row> rows) {
        Row[] out = new Row[rows.size()];
        try {
            fill(out, rows, allIndices(rows.size()), m.scoreRecords(paths(rows, allIndices(rows.size()))));
            return List.of(out);
        } catch (RuntimeException chunkFailed) {
            // fall through: find the records that fail
        }
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                RecordReader.read(Path.of(rows.get(i).getString(2)));
                readable.add(i);
            } catch (RuntimeException e) {
                out[i] = error(rows.get(i), e);
            }
        }
        if (readable.isEmpty()) {
            return List.of(out);
        }
        try {
            fill(out, rows, readable, m.scoreRecords(paths(rows, readable)));
        } catch (RuntimeException together) {
            for (int i : readable) {
                try {
                    fill(out, rows, List.of(i), m.scoreRecords(paths(rows, List.of(i))));
                } catch (RuntimeException alone) {
                    out[i] = error(rows.get(i), alone);
                }
            }
        }
        return List.of(out);
    }

    private void fill(Row[] out, List<Row> rows, List<Integer> at, ScoreMatrix scores) {
        for (int j = 0; j < at.size(); j++) {
            Row in = rows.get(at.get(j));
            Object[] values = new Object[ScoreSchema.firstFinding() + findings];
            values[0] = in.getLong(0);
            values[1] = scores.recordIds().get(j);
            values[2] = in.getString(2);
            values[3] = null;
            for (int k = 0; k < findings; k++) {
                // the model's outputs are float32 values held in doubles: the cast is exact
                values[ScoreSchema.firstFinding() + k] = (float) scores.score(j, k);
            }
            out[at.get(j)] = RowFactory.create(values);
        }
    }

    private Row error(Row in, RuntimeException e) {
        Object[] values = new Object[ScoreSchema.firstFinding() + findings];
        values[0] = in.getLong(0);
        values[1] = in.getString(1);
        values[2] = in.getString(2);
        values[3] = message(e);
        return RowFactory.create(values);
    }

    /** The reason a record failed: a toolkit error's own message (file, problem, fix), else the exception. */
    static String message(RuntimeException e) {
        String m = e instanceof EcgException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static List<Integer> allIndices(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    private static List<Path> paths(List<Row> rows, List<Integer> at) {
        List<Path> out = new ArrayList<>(at.size());
        for (int i : at) {
            out.add(Path.of(rows.get(i).getString(2)));
        }
        return out;
    }
}
