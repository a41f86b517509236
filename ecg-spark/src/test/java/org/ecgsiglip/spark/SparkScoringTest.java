package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.eval.csv.ScoreCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark scoring in local[2] on the bundled PTB-XL sample against Predictor.scoreRecords. One session for the class. */
class SparkScoringTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Manifest sample;
    static ScoreMatrix reference;
    static ScoreJob.Result first;

    @BeforeAll
    static void scoreTheSample() {
        Path model = TinyModel.folder();
        sample = Manifest.read(TestData.sample(), 100);
        try (Predictor p = Predictor.load(model, "cpu")) {
            reference = p.scoreRecords(sample.entries().stream().map(e -> Path.of(e.path())).toList());
        }
        spark = SparkSessions.start("ecg-spark-test", "local[2]", List.of("spark.sql.shuffle.partitions=2")).spark();
        // 100 per partition: 4 partitions of whole 64-record chunks (64, 128, 64, 122 rows), two tasks at a time
        first = ScoreJob.run(spark, new ScoreJob.Request(model, TestData.sample(), tmp.resolve("sample.parquet"), "cpu",
                100, 100));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyRecordsScoresEqualPredictorScoreRecordsExactly() {
        List<Row> rows = ScoredRows.read(spark, first.out());
        assertEquals(378 * 5, ScoredRows.assertSameScores(reference, rows), "378 records x 5 superdiagnostic findings");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).getLong(0));
            assertNull(rows.get(i).get(3), "no error");
            assertEquals(sample.entries().get(i).path(), rows.get(i).getString(2));
        }
        assertEquals(4, first.provenance().partitions());
        assertEquals(4, Stream.of(first.out().toFile().list()).filter(n -> n.endsWith(".parquet")).count(),
                "one part file per partition");
    }

    @Test
    void aCincFolderOfMatlabBackedRecordsScoresExactlyAsPredictorScoreRecords() {
        Manifest cinc = Manifest.read(TestData.cincFixtures(), 100);
        ScoreMatrix expected;
        try (Predictor p = Predictor.load(TinyModel.folder(), "cpu")) {
            expected = p.scoreRecords(cinc.entries().stream().map(e -> Path.of(e.path())).toList());
        }
        ScoreJob.Result r = ScoreJob.run(spark, ScoreJob.Request.of(TinyModel.folder(), TestData.cincFixtures(),
                tmp.resolve("cinc.parquet")));
        assertEquals(7, r.scored());
        ScoredRows.assertSameScores(expected, ScoredRows.read(spark, r.out()));
    }

    @Test
    void theModelIsLoadedOncePerJvmNotPerTaskOrJob() {
        // after the driver's load and 4 tasks on 2 cores in this one JVM
        assertEquals(1, LoadedModels.loads(TinyModel.folder(), "cpu"));
        ScoreJob.run(spark, new ScoreJob.Request(TinyModel.folder(), TestData.sample(), tmp.resolve("again.parquet"),
                "cpu", 100, 50));
        assertEquals(1, LoadedModels.loads(TinyModel.folder(), "cpu"), "a second job (6 tasks) loads nothing");
    }

    @Test
    void eachFindingIsAFloatColumnThatCarriesItsText() {
        StructType schema = spark.read().parquet(first.out().toUri().toString()).schema();
        List<String> names = List.of(schema.fieldNames());
        assertEquals(List.of("row", "record_id", "path", "error"), names.subList(0, 4));
        assertEquals(reference.codes(), names.subList(4, names.size()));
        for (int k = 0; k < reference.findings(); k++) {
            StructField f = schema.fields()[4 + k];
            assertEquals(DataTypes.FloatType, f.dataType());
            assertEquals(k, f.metadata().getLong(ScoreSchema.FINDING_INDEX));
            assertEquals(first.provenance().vocabulary().get(k).text(), f.metadata().getString(ScoreSchema.FINDING_TEXT));
        }
    }

    @Test
    void theProvenanceNamesModelManifestSparkAndCounts() throws Exception {
        JsonNode p = new ObjectMapper().readTree(first.out().resolve("_provenance.json").toFile());
        assertEquals("3.5.9", p.get("spark_version").asText());
        assertEquals("local[2]", p.get("master").asText());
        assertEquals(Sha256.of(TestData.sample().resolve("ptbxl_database.csv")), p.at("/manifest/source_sha256").asText());
        assertEquals("ptbxl", p.at("/manifest/kind").asText());
        assertEquals(378, p.at("/counts/rows").asLong());
        assertEquals(378, p.at("/counts/scored").asLong());
        assertEquals(0, p.at("/counts/errors").asLong());
        assertEquals(Sha256.of(TinyModel.folder().resolve("model.json")), p.at("/model/files/model.json").asText());
        assertEquals(ModelIdentity.of(TinyModel.folder()).sha256(), p.at("/model/sha256").asText());
        assertEquals(reference.codes().get(0), p.at("/findings/0/code").asText());
        assertTrue(p.at("/driver_jvm/rss_peak_bytes").asLong() > 0);
    }

    @Test
    void unreadableAndMissingRecordsBecomeErrorRowsAndTheRestIsScored() throws Exception {
        Path recs = tmp.resolve("broken");
        Files.createDirectories(recs);
        List<String> names = new ArrayList<>();
        for (Manifest.Entry e : sample.entries().subList(0, 3)) {
            names.add(e.recordId());
            for (String ext : List.of(".hea", ".dat")) {
                Files.copy(Path.of(e.path() + ext), recs.resolve(e.recordId() + ext));
            }
        }
        byte[] dat = Files.readAllBytes(recs.resolve(names.get(1) + ".dat"));
        Files.write(recs.resolve(names.get(1) + ".dat"), java.util.Arrays.copyOf(dat, dat.length / 2));
        Path list = recs.resolve("list.txt");
        Files.writeString(list, names.get(0) + "\n" + names.get(1) + "\nnot_there\n" + names.get(2) + ".hea\n");
        ScoreJob.Result r = ScoreJob.run(spark, new ScoreJob.Request(TinyModel.folder(), list,
                tmp.resolve("broken.parquet"), "cpu", 100, 1000));
        assertEquals(4, r.rows());
        assertEquals(2, r.errors());
        List<Row> rows = ScoredRows.read(spark, r.out());
        assertTrue(rows.get(1).getString(3).contains(recs.resolve(names.get(1)).toString()), rows.get(1).getString(3));
        assertTrue(rows.get(2).getString(3).contains("not_there"), rows.get(2).getString(3));
        for (int k = 0; k < reference.findings(); k++) {
            assertTrue(rows.get(1).isNullAt(4 + k), "no scores on an error row");
        }
        List<Row> good = List.of(rows.get(0), rows.get(3));
        try (Predictor p = Predictor.load(TinyModel.folder(), "cpu")) {
            ScoredRows.assertSameScores(p.scoreRecords(List.of(recs.resolve(names.get(0)), recs.resolve(names.get(2)))),
                    good);
        }
    }

    @Test
    void aRerunAfterAnInterruptionReplacesTheOutputWithoutDuplicates() throws Exception {
        Path out = tmp.resolve("rerun.parquet");
        Path list = tmp.resolve("ten.txt");
        Files.write(list, sample.entries().subList(0, 10).stream().map(Manifest.Entry::path).toList());
        ScoreJob.Request request = new ScoreJob.Request(TinyModel.folder(), list, out, "cpu", 100, 3);
        ScoreJob.run(spark, request);
        // what an interrupted run leaves: a temporary folder holding some committed part files, and no rename
        Path leftover = out.resolveSibling(out.getFileName() + ".tmp-interrupted");
        Files.createDirectories(leftover);
        try (Stream<Path> parts = Files.list(out)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.copy(part, leftover.resolve(part.getFileName()));
            }
        }
        ScoreJob.Result again = ScoreJob.run(spark, request);
        assertFalse(Files.exists(leftover), "the interrupted run's leftovers are removed");
        List<Row> rows = ScoredRows.read(spark, again.out());
        assertEquals(10, rows.size());
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getLong(0)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), ids, "each row once");
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("rerun.parquet.")).toList(), "no temporary or old folder left");
        }
    }

    @Test
    void anOutputThatIsNotAScoresFolderIsNeverReplaced() throws Exception {
        Path precious = tmp.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "x");
        EcgException e = assertThrows(EcgException.class, () -> ScoreJob.run(spark,
                ScoreJob.Request.of(TinyModel.folder(), TestData.sample(), precious)));
        assertTrue(e.getMessage().contains("not a scores folder"), e.getMessage());
        assertTrue(Files.exists(precious.resolve("thesis.tex")));
    }

    @Test
    void theCsvIsByteForByteWhatEcgPredictWritesAndEcgEvaluateReadsIt() throws Exception {
        Path fromSpark = tmp.resolve("spark.csv");
        Path fromPredict = tmp.resolve("predict.csv");
        ScoresCsv.Result r = ScoresCsv.write(spark, first.out(), fromSpark);
        ScoreCsv.write(reference, fromPredict);
        assertEquals(378, r.records());
        assertArrayEquals(Files.readAllBytes(fromPredict), Files.readAllBytes(fromSpark));
        ScoreMatrix back = MatrixCsv.readScores(fromSpark);
        assertEquals(reference.recordIds(), back.recordIds());
        assertArrayEquals(reference.values(), back.values());
    }
}
