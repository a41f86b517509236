package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.model.folder.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecg predict} on a real run folder: what it writes, what it refuses, and what it says. */
class PredictCommandTest {
    @TempDir
    static Path tmp;
    static Path root;
    static Path run;

    @BeforeAll
    static void train() throws IOException {
        TinyRun t = TinyRun.train(tmp, 1);
        root = t.root();
        run = t.run();
    }

    @Test
    void scoresAFolderOfRecordsInTheLayoutEvaluateReads() {
        Path out = tmp.resolve("s.csv");
        PredictCommand.Result r = PredictCommand.run(PredictCommand.Request.of(run, root.resolve("records100"), out));
        assertEquals(60, r.scores().records());
        assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), r.scores().codes());
        ScoreMatrix back = MatrixCsv.readScores(out);
        assertEquals(r.scores().recordIds(), back.recordIds());
        for (int i = 0; i < back.records(); i++) {
            assertArrayEquals(r.scores().values()[i], back.values()[i], 0.0);
        }
        // the validation records scored again, here in batches with other records, equal the scores training
        // wrote for them to float32 rounding: the convolutions' summation order depends on the batch size
        // (scored in the same batches they are identical, see PipelineConsistencyTest)
        ScoreMatrix validation = MatrixCsv.readScores(run.resolve("validation/scores.csv"));
        for (int i = 0; i < validation.records(); i++) {
            int j = back.recordIds().indexOf(validation.recordIds().get(i));
            assertArrayEquals(validation.values()[i], back.values()[j], 1e-6, validation.recordIds().get(i));
        }
    }

    @Test
    void anUnfinishedRunIsRefusedWithTheWayOut() throws IOException {
        Path copy = tmp.resolve("unfinished");
        copyTree(run, copy);
        Manifest m = Manifest.read(copy).orElseThrow();
        new Manifest(Manifest.FORMAT, false, m.files()).write(copy);
        Path out = tmp.resolve("u.csv");
        TrainCommandTest.Outcome refused = TrainCommandTest.execute("predict", "--model", copy.toString(), "--records",
                root.resolve("records100").toString(), "--out", out.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("error: ") && refused.err().contains("--allow-unfinished"), refused.err());
        assertFalse(Files.exists(out));
        TrainCommandTest.Outcome allowed = TrainCommandTest.execute("predict", "--model", copy.toString(), "--records",
                root.resolve("records100").toString(), "--out", out.toString(), "--allow-unfinished");
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void aBinaryListFileIsNamedNotDecoded() throws IOException {
        Path list = tmp.resolve("list.txt");
        Files.write(list, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", run.toString(), "--records",
                list.toString(), "--out", tmp.resolve("b.csv").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains(list.toString()) && o.err().contains("UTF-8"), o.err());
        assertFalse(o.err().contains("Input length"), o.err());
    }

    @Test
    void calibrationIsFittedOnValidationStoredVerifiedAndAppliedByPredict() throws IOException {
        Path copy = tmp.resolve("calibrated");
        copyTree(run, copy);
        CalibrateCommand.Result c = CalibrateCommand.run(new CalibrateCommand.Request(copy,
                CalibrateCommand.Method.PLATT, 1));
        assertTrue(Manifest.read(copy).orElseThrow().lists("calibration.json"), "the manifest vouches for it");
        for (int k = 0; k < c.before().perFinding().size(); k++) {
            assertEquals(c.before().perFinding().get(k).auroc(), c.inSample().perFinding().get(k).auroc(), 1e-12,
                    "a monotone map keeps every AUROC");
        }
        Path plain = tmp.resolve("plain.csv");
        Path calibrated = tmp.resolve("calibrated.csv");
        PredictCommand.run(PredictCommand.Request.of(copy, root.resolve("records100"), plain));
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", copy.toString(), "--records",
                root.resolve("records100").toString(), "--out", calibrated.toString(), "--calibrated");
        assertEquals(0, o.exit(), o.err());
        ScoreMatrix expected = c.calibration().apply(MatrixCsv.readScores(plain));
        ScoreMatrix got = MatrixCsv.readScores(calibrated);
        for (int i = 0; i < got.records(); i++) {
            assertArrayEquals(expected.values()[i], got.values()[i], 0.0, got.recordIds().get(i));
        }
        TrainCommandTest.Outcome none = TrainCommandTest.execute("predict", "--model", run.toString(), "--records",
                root.resolve("records100").toString(), "--out", tmp.resolve("x.csv").toString(), "--calibrated");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("ecg calibrate"), none.err());
    }

    @Test
    void trainingDrewItsCurvesAndCurvesRedrawsThemInAVerifiedFolder() throws IOException {
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(run.resolve("curves.png").toFile());
        assertTrue(png.getWidth() > 400 && png.getHeight() > 600, png.getWidth() + "x" + png.getHeight());
        String html = Files.readString(run.resolve("curves.html"));
        assertTrue(html.contains("data:image/png;base64,") && !html.contains("src=\"curves"), "one file");
        Path copy = tmp.resolve("curves");
        copyTree(run, copy);
        Files.delete(copy.resolve("curves.png"));
        new org.ecgsiglip.model.folder.RunDirectory(copy).writeFinishedManifest();
        assertEquals(0, TrainCommandTest.execute("curves", "--run", copy.toString()).exit());
        assertTrue(Files.exists(copy.resolve("curves.png")));
        org.ecgsiglip.model.folder.ModelFolder.open(copy, false);
    }

    @Test
    void findingsGivenAsTextsAreScoredWithoutTrainingFilesAndTheModelFolderStaysByteForByteVerified()
            throws IOException {
        // five records away from their dataset: no ptbxl_database.csv or scp_statements.csv anywhere near them
        Path loose = tmp.resolve("loose-records");
        Files.createDirectories(loose);
        for (Path r : org.ecgsiglip.model.predict.RecordList.resolve(root.resolve("records100")).subList(0, 5)) {
            for (String ext : List.of(".hea", ".dat")) {
                Path f = r.resolveSibling(r.getFileName() + ext);
                Files.copy(f, loose.resolve(f.getFileName()));
            }
        }
        Map<String, byte[]> before = contents(run);
        org.ecgsiglip.io.findings.FindingsVocabulary vocabulary = org.ecgsiglip.io.findings.FindingsVocabulary.read(
                run.resolve("vocabulary.json"));
        String normText = vocabulary.get(vocabulary.indexOf("NORM")).text();
        Path findings = tmp.resolve("new-findings.json");
        Files.writeString(findings, "{\"LBBB\": \"complete left bundle branch block\", \"NORM\": \"" + normText
                + "\", \"MI-old\": \"old myocardial infarction\"}");
        Path custom = tmp.resolve("custom.csv");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", run.toString(), "--records",
                loose.toString(), "--findings", findings.toString(), "--out", custom.toString());
        assertEquals(0, o.exit(), o.err());
        ScoreMatrix got = MatrixCsv.readScores(custom);
        assertEquals(List.of("LBBB", "NORM", "MI-old"), got.codes());
        ScoreMatrix plain = PredictCommand.run(PredictCommand.Request.of(run, loose, tmp.resolve("p.csv"))).scores();
        assertEquals(plain.recordIds(), got.recordIds());
        int norm = plain.codes().indexOf("NORM");
        for (int i = 0; i < got.records(); i++) {
            // three text columns instead of five: other matrix shapes, equal to float32 rounding
            assertEquals(plain.score(i, norm), got.score(i, 1), 1e-6, "NORM, its text unchanged");
            assertTrue(got.score(i, 0) > 0 && got.score(i, 0) < 1);
        }
        // the vocabulary's own texts in its own order: the same columns, so the very same scores
        StringBuilder same = new StringBuilder("{");
        for (int k = 0; k < vocabulary.size(); k++) {
            same.append(k == 0 ? "" : ", ").append('"').append(vocabulary.get(k).code()).append("\": \"")
                    .append(vocabulary.get(k).text()).append('"');
        }
        Path sameFile = tmp.resolve("same-findings.json");
        Files.writeString(sameFile, same.append('}').toString());
        ScoreMatrix again = PredictCommand.run(PredictCommand.Request.of(run, loose, tmp.resolve("s2.csv"))
                .withFindings(sameFile)).scores();
        for (int i = 0; i < again.records(); i++) {
            assertArrayEquals(plain.values()[i], again.values()[i], 0.0, again.recordIds().get(i));
        }

        Map<String, byte[]> after = contents(run);
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file));
        org.ecgsiglip.model.folder.ModelFolder.open(run, false); // the manifest check passes
    }

    @Test
    void aBadFindingsFileIsNamedWithItsFieldBeforeAnythingIsScored() throws IOException {
        Path bad = tmp.resolve("bad-findings.json");
        Files.writeString(bad, "{\"LBBB\": \"\"}");
        Path out = tmp.resolve("bad.csv");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", run.toString(), "--records",
                root.resolve("records100").toString(), "--findings", bad.toString(), "--out", out.toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains(bad.toString()) && o.err().contains("field 'LBBB'") && o.err().contains("empty"),
                o.err());
        assertFalse(Files.exists(out));
    }

    /** Every file of {@code dir}, relative path → bytes. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void aFolderThatIsNoModelSaysSo() {
        TrainCommandTest.Outcome o = TrainCommandTest.execute("predict", "--model", root.toString(), "--records",
                root.resolve("records100").toString(), "--out", tmp.resolve("n.csv").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("not a model folder"), o.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
