package org.ecgsiglip.text.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.ecgsiglip.model.text.SentenceEncoder;
import org.ecgsiglip.model.text.TextEncoderKind;
import org.junit.jupiter.api.Test;

/** The frozen all-MiniLM-L6-v2: found by ecg-model, deterministic across calls and JVMs, and the embedding it should be. */
class MiniLmEncoderTest {
    private static final MiniLmEncoder ENCODER = new MiniLmEncoder();
    private static final List<String> TEXTS = List.of("complete left bundle branch block", "sinus bradycardia",
            "myocardial infarction; ST/T change; conduction disturbance", "AFIB");

    @Test
    void ecgModelFindsItOnTheClassPath() {
        SentenceEncoder found = TextEncoderKind.MINILM.encoder("a test", null);
        assertEquals(MiniLmEncoder.class, found.getClass());
        assertEquals(384, found.dimension());
        assertTrue(found.modelSha256().matches("[0-9a-f]{64}"));
        assertEquals(1, ServiceLoader.load(SentenceEncoder.class).stream().count());
    }

    @Test
    void theSameTextGivesTheSameFloatsAcrossCallsAndInAnotherJvm() throws IOException, InterruptedException {
        String here = EmbeddingDigest.of(ENCODER, TEXTS);
        ENCODER.embed("other texts in between do not matter");
        assertEquals(here, EmbeddingDigest.of(ENCODER, TEXTS));

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), EmbeddingDigest.class.getName()));
        cmd.addAll(TEXTS);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the other JVM ended");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("digest " + here), out);
    }

    @Test
    void agreesWithLangchain4jsOwnPipelineOnTheSameModel() {
        // an independent implementation of tokenising, pooling and normalising (its own session, default threads)
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (String t : TEXTS) {
            float[] ours = ENCODER.embed(t);
            float[] theirs = reference.embed(t).content().vector();
            assertEquals(theirs.length, ours.length);
            double norm = 0;
            for (int d = 0; d < ours.length; d++) {
                assertEquals(theirs[d], ours[d], 1e-6 + 1e-4 * Math.abs(theirs[d]), t + " [" + d + "]");
                norm += (double) ours[d] * ours[d];
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-6, t);
        }
    }

    @Test
    void paraphrasesOfAFindingAreCloserThanOtherFindings() {
        // measured cosines (all-MiniLM-L6-v2, this pipeline): 0.95 vs 0.08; 0.85 vs -0.08; 0.59 vs 0.08; 0.67 vs -0.05;
        // 0.58 vs 0.24. A general-domain model: left and right bundle branch block are 0.96 apart, the tower must
        // learn that difference
        assertCloser("left bundle branch block", "complete left bundle branch block", "sinus bradycardia");
        assertCloser("complete LBBB", "LBBB", "sinus bradycardia");
        assertCloser("myocardial infarction", "heart attack", "ST/T change");
        assertCloser("slow sinus rhythm", "sinus bradycardia", "left bundle branch block");
        assertCloser("AFIB", "atrial fibrillation", "sinus bradycardia");
    }

    private static void assertCloser(String anchor, String paraphrase, String other) {
        double near = cosine(ENCODER.embed(anchor), ENCODER.embed(paraphrase));
        double far = cosine(ENCODER.embed(anchor), ENCODER.embed(other));
        assertTrue(near > far + 0.2, "sim(" + anchor + ", " + paraphrase + ") = " + near + ", sim(" + anchor + ", "
                + other + ") = " + far);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
