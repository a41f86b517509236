package org.ecgsiglip.model.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.train.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder is a verified artifact: any change to a file it vouches for is a typed error naming the file. */
class ModelFolderTest {
    private static Path siglip;
    private static Path other;

    @TempDir
    static Path runs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        siglip = TestRuns.train(runs.resolve("siglip"), java.util.Map.of("epochs", 1));
        other = TestRuns.train(runs.resolve("other"), java.util.Map.of("epochs", 1, "seed", 7));
    }

    @Test
    void aFinishedFolderOpensAndNamesEveryFile() {
        ModelFolder f = ModelFolder.open(siglip, false);
        assertTrue(f.finished());
        Manifest m = Manifest.read(siglip).orElseThrow();
        for (String p : new String[] {"config.json", "pipeline.json", "vocabulary.json", "tokenizer.json", "model.json",
            "thresholds.json", "provenance.json", "checkpoints/best/model.params"}) {
            assertTrue(m.lists(p), p);
        }
        assertTrue(m.files().keySet().stream().noneMatch(p -> p.startsWith("checkpoints/last")));
    }

    @Test
    void flippedBytesInTheParametersAreFound() throws IOException {
        Path copy = copy(siglip);
        Path params = copy.resolve("checkpoints/best/model.params");
        byte[] b = Files.readAllBytes(params);
        for (int i = b.length / 2; i < b.length / 2 + 4000 && i < b.length; i++) {
            b[i] ^= (byte) 0x5a;
        }
        Files.write(params, b);
        assertNamed(copy, params, "changed since it was written");
    }

    @Test
    void parametersCopiedFromAnotherRunAreFound() throws IOException {
        Path copy = copy(siglip);
        Path params = copy.resolve("checkpoints/best/model.params");
        Files.copy(other.resolve("checkpoints/best/model.params"), params, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNamed(copy, params, "changed since it was written");
    }

    @Test
    void swappedOrEditedVocabularyEntriesAreFound() throws IOException {
        Path copy = copy(siglip);
        Path vocab = copy.resolve("vocabulary.json");
        String text = Files.readString(vocab);
        Files.writeString(vocab, text.replace("\"MI\"", "\"XX\"").replace("\"CD\"", "\"MI\"").replace("\"XX\"", "\"CD\""));
        assertNamed(copy, vocab, "--findings");
        Path copy2 = copy(siglip);
        Path vocab2 = copy2.resolve("vocabulary.json");
        Files.writeString(vocab2, Files.readString(vocab2).replaceFirst("infarction", "infarct"));
        assertNamed(copy2, vocab2, "changed since it was written");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path copy = copy(siglip);
        Files.delete(copy.resolve("pipeline.json"));
        assertNamed(copy, copy.resolve("pipeline.json"), "missing");
    }

    @Test
    void anUnfinishedRunIsRefusedUnlessAskedFor() throws IOException {
        Path copy = copy(siglip);
        // what a killed run leaves: the manifest of its definition, marked unfinished
        Manifest done = Manifest.read(copy).orElseThrow();
        new Manifest(Manifest.FORMAT, false, java.util.Map.of("config.json", done.files().get("config.json"),
                "pipeline.json", done.files().get("pipeline.json"), "vocabulary.json", done.files().get("vocabulary.json")))
                .write(copy);
        EcgException e = assertThrows(EcgException.class, () -> Predictor.load(copy, "cpu"));
        assertTrue(e.getMessage().contains("has not finished") && e.getMessage().contains("--allow-unfinished"),
                e.getMessage());
        try (Predictor p = Predictor.load(copy, "cpu", true)) {
            assertEquals(5, p.vocabulary().size());
        }
        Path params = copy.resolve("checkpoints/best/model.params");
        Files.write(params, new byte[] {1, 2, 3});
        assertThrows(EcgException.class, () -> Predictor.load(copy, "cpu", true),
                "the checkpoint's own manifest still guards an unfinished run");
    }

    @Test
    void aFolderFromAnEarlierVersionSaysHowToRetrain() throws IOException {
        Path copy = copy(siglip);
        Files.delete(copy.resolve(Manifest.FILE));
        EcgException e = assertThrows(EcgException.class, () -> ModelFolder.open(copy, false));
        assertTrue(e.getMessage().contains("earlier version") && e.getMessage().contains("ecg train --config"),
                e.getMessage());
    }

    private static void assertNamed(Path folder, Path file, String words) {
        EcgException e = assertThrows(EcgException.class, () -> Predictor.load(folder, "cpu"));
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    private Path copy(Path from) throws IOException {
        Path to = tmp.resolve("copy-" + System.nanoTime());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }
}
