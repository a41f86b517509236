package org.ecgsiglip.text.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.model.folder.Manifest;
import org.ecgsiglip.model.folder.ModelFiles;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.predict.Prediction;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.text.SentenceFeatures;
import org.ecgsiglip.model.train.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One epoch with {@code --text-encoder minilm} on the bundled sample (the small test configuration): the
 * model folder keeps its findings' embeddings, bit for bit the encoder's, under the manifest and in
 * provenance; a copy of the folder alone predicts what validation scored and scores new finding texts.
 */
class MiniLmTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path run;

    @TempDir
    static Path runs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        run = TestRuns.train(runs.resolve("minilm"), Map.of("epochs", 1, "text-encoder", "minilm"));
    }

    @Test
    void theFolderKeepsTheFindingsEmbeddingsAndRecordsTheirSha256() throws IOException {
        RunDirectory dir = new RunDirectory(run);
        assertTrue(Files.isRegularFile(dir.textEmbeddings()));
        assertFalse(Files.exists(dir.tokenizer()), "no n-gram tokenizer in a minilm run");
        String sha = Sha256.of(dir.textEmbeddings());
        assertEquals(sha, Manifest.read(run).orElseThrow().files().get("text-embeddings.json"));
        JsonNode provenance = JSON.readTree(dir.provenance().toFile()).path("text_encoder");
        assertEquals(sha, provenance.path("file_sha256").asText());
        assertEquals("minilm", provenance.path("encoder").asText());
        MiniLmEncoder encoder = new MiniLmEncoder();
        assertEquals(encoder.modelSha256(), provenance.path("model_sha256").asText());
        assertEquals(384, ModelFiles.readSpec(dir.model()).textDim());

        SentenceFeatures kept = SentenceFeatures.read(dir.textEmbeddings());
        FindingsVocabulary vocabulary = FindingsVocabulary.read(dir.vocabulary());
        assertEquals(new ArrayList<>(new LinkedHashSet<>(vocabulary.texts())), kept.keptTexts());
        for (String t : kept.keptTexts()) {
            assertArrayEquals(encoder.embed(t), kept.embedding(t), t); // bit for bit
        }
    }

    @Test
    void aCopyOfTheFolderAlonePredictsWhatValidationScoredAndScoresNewTexts() throws IOException {
        Path copy = tmp.resolve("copied-model");
        copyTree(run, copy);
        ScoreMatrix written = MatrixCsv.readScores(new RunDirectory(copy).validationScores());
        List<Path> records = new ArrayList<>();
        for (LabeledRecord r : PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC).records()) {
            if (r.fold() == 9) {
                records.add(r.recordPath());
            }
        }
        try (Predictor predictor = Predictor.load(copy, "cpu")) {
            ScoreMatrix again = predictor.scoreRecords(records);
            assertEquals(written.recordIds(), again.recordIds());
            for (int i = 0; i < written.records(); i++) {
                assertArrayEquals(written.values()[i], again.values()[i], 0.0, written.recordIds().get(i));
            }
            SentenceFeatures texts = (SentenceFeatures) predictor.folder().textFeatures();
            int k = predictor.vocabulary().size();
            assertEquals(k, texts.distinctTexts());

            EcgRecord first = RecordReader.read(records.get(0));
            Prediction p = predictor.predict(first);
            List<String> asked = new ArrayList<>(predictor.vocabulary().texts());
            asked.add("complete left bundle branch block");
            double[] scores = predictor.scoreTexts(first, asked);
            for (int f = 0; f < k; f++) {
                String code = predictor.vocabulary().get(f).code();
                // a batch of one text column more takes other BLAS paths: equal to float32 rounding
                assertEquals(p.probabilities().get(code), scores[f], 1e-6, code);
            }
            assertTrue(scores[k] > 0 && scores[k] < 1, "a new finding text gets a probability: " + scores[k]);
            assertEquals(k + 1, texts.distinctTexts(), "the new text was embedded");
            assertEquals(scores[k], predictor.scoreTexts(first, List.of(asked.get(k)))[0], 1e-6);
            assertEquals(k + 1, texts.distinctTexts(), "and memoised");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
