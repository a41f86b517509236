package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark scoring in local[2] on the shared corpus: every record's scores equal Predictor.scoreRecords exactly. */
@ExtendedData
class ExtendedScoringTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("ecg-spark-extended-test", "local[2]", List.of()).spark();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theSharedPtbXlSubsetScoresExactlyAsPredictorScoreRecords() {
        assertSame(TestData.ptbxl(), 3880, "ptbxl.parquet");
    }

    @Test
    void theSharedCincRecordsScoreExactlyAsPredictorScoreRecords() {
        assertSame(TestData.cinc2021(), 48, "cinc.parquet");
    }

    private static void assertSame(Path records, int expected, String out) {
        Manifest manifest = Manifest.read(records, 100);
        assertEquals(expected, manifest.size());
        ScoreMatrix reference;
        try (Predictor p = Predictor.load(TinyModel.folder(), "cpu")) {
            reference = p.scoreRecords(manifest.entries().stream().map(e -> Path.of(e.path())).toList());
        }
        ScoreJob.Result r = ScoreJob.run(spark, new ScoreJob.Request(TinyModel.folder(), records, tmp.resolve(out), "cpu",
                100, 500));
        assertEquals(0, r.errors());
        ScoredRows.assertSameScores(reference, ScoredRows.read(spark, r.out()));
    }
}
