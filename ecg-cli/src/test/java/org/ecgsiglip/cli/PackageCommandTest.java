package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.folder.Manifest;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.predict.RecordList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecg package}: a lean copy that predicts exactly as its source, verified, with a card. */
class PackageCommandTest {
    @TempDir
    static Path tmp;
    static Path root;
    static Path run;

    @BeforeAll
    static void train() throws IOException {
        TinyRun t = TinyRun.train(tmp, 2);
        root = t.root();
        run = t.run();
    }

    @Test
    void theCopyIsLeanVerifiedAndScoresAsItsSource() throws IOException {
        Path out = tmp.resolve("models/tiny");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("package", "--model", run.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        Manifest m = Manifest.read(out).orElseThrow();
        assertTrue(m.finished());
        for (String f : new String[] {"MODEL.md", "config.json", "pipeline.json", "provenance.json", "vocabulary.json",
            "model.json", "thresholds.json", "validation/scores.csv", "validation/truth.csv", "validation/metrics.json",
            "checkpoints/best/model.params", "checkpoints/best/manifest.json"}) {
            assertTrue(m.lists(f) && Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("checkpoints/best/optimizer.bin")), "no optimizer state");
        assertFalse(Files.exists(out.resolve("checkpoints/last")), "no last checkpoint");
        assertFalse(Files.exists(out.resolve("steps.jsonl")), "no per-step log");
        try (var walk = Files.walk(out)) {
            long files = walk.filter(Files::isRegularFile).count();
            assertEquals(m.files().size() + 1, files, "every file is in the manifest (and the manifest itself)");
        }
        assertArrayEquals(Files.readAllBytes(run.resolve("checkpoints/best/model.params")),
                Files.readAllBytes(out.resolve("checkpoints/best/model.params")), "the best weights, byte for byte");
        ScoreMatrix a;
        ScoreMatrix b;
        try (Predictor source = Predictor.load(run, "cpu"); Predictor copy = Predictor.load(out, "cpu")) {
            var records = RecordList.resolve(root.resolve("records100"));
            a = source.scoreRecords(records);
            b = copy.scoreRecords(records);
        }
        assertEquals(a.recordIds(), b.recordIds());
        for (int i = 0; i < a.records(); i++) {
            assertArrayEquals(a.values()[i], b.values()[i], 0.0, a.recordIds().get(i));
        }
        String card = Files.readString(out.resolve("MODEL.md"));
        assertTrue(card.contains("CC BY 4.0") && card.contains("10.1038/s41597-020-0495-6"), card);
        assertTrue(card.contains("| CD |") && card.contains("macro-AUROC"), card);
    }

    @Test
    void aTamperedPackageIsRefusedAndAFullDestinationIsNotOverwritten() throws IOException {
        Path out = tmp.resolve("tampered");
        PackageCommand.run(new PackageCommand.Request(run, out));
        Path params = out.resolve("checkpoints/best/model.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        EcgException e = assertThrows(EcgException.class, () -> Predictor.load(out, "cpu"));
        assertTrue(e.getMessage().contains("model.params"), e.getMessage());

        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep.txt"), "mine");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("package", "--model", run.toString(), "--out", full.toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("not empty"), o.err());
        assertEquals("mine", Files.readString(full.resolve("keep.txt")));
        assertFalse(Files.exists(tmp.resolve("full.tmp-package")), "no half-written package left");
    }
}
