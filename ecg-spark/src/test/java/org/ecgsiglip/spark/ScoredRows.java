package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ecgsiglip.eval.ScoreMatrix;

/** Reading a scores folder back in manifest order, and comparing it with a reference matrix. */
final class ScoredRows {
    private ScoredRows() {
    }

    static List<Row> read(SparkSession spark, Path scores) {
        return spark.read().parquet(scores.toUri().toString()).sort(ScoreSchema.ROW).collectAsList();
    }

    /**
     * Asserts that the scored rows hold exactly the reference's scores, record by record: the float32
     * value in Parquet, widened to double, equals the double {@code Predictor.scoreRecords} returns
     * (itself a widened float32). Returns the number of values compared.
     */
    static long assertSameScores(ScoreMatrix reference, List<Row> scored) {
        assertEquals(reference.records(), scored.size(), "one scored row per reference record");
        long compared = 0;
        for (int i = 0; i < scored.size(); i++) {
            Row r = scored.get(i);
            assertEquals(reference.recordIds().get(i), r.getString(1), "record id of row " + r.getLong(0));
            for (int k = 0; k < reference.findings(); k++) {
                double spark = r.getFloat(ScoreSchema.firstFinding() + k);
                assertEquals(reference.score(i, k), spark, 0.0, "record " + r.getString(1) + ", finding "
                        + reference.codes().get(k));
                compared++;
            }
        }
        return compared;
    }
}
