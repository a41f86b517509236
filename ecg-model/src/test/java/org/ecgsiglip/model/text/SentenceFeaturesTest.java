package org.ecgsiglip.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache around a sentence encoder: kept embeddings come back bit for bit and need no encoder, other
 * texts are embedded once, and without the encoder's module (it is not on ecg-model's class path) a new
 * text is a typed error that names the module.
 */
class SentenceFeaturesTest {
    private static final List<String> TEXTS = List.of("complete left bundle branch block", "sinus rhythm",
            "complete left bundle branch block", "ST/T change");

    @TempDir
    Path tmp;

    @Test
    void keptEmbeddingsComeBackBitForBitWithoutAnEncoder() throws IOException {
        CountingEncoder encoder = new CountingEncoder(8);
        SentenceFeatures made = SentenceFeatures.embed(TextEncoderKind.MINILM, encoder, TEXTS);
        assertEquals(List.of("complete left bundle branch block", "sinus rhythm", "ST/T change"), made.keptTexts());
        assertEquals(3, encoder.calls.get(), "each distinct text once");
        Path file = tmp.resolve("text-embeddings.json");
        made.write(file);

        SentenceFeatures read = SentenceFeatures.read(file);
        assertEquals(made.keptTexts(), read.keptTexts());
        assertEquals(CountingEncoder.SHA, read.modelSha256());
        for (String t : made.keptTexts()) {
            // no encoder is reachable here: these can only come from the file
            assertArrayEquals(encoder.embed(t), read.embedding(t), t);
            assertArrayEquals(read.embedding(t), read.features(t), t);
        }
    }

    @Test
    void valuesAreFloat32LittleEndianInBase64() throws IOException {
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000; little-endian bytes 00 00 80 3F 00 00 00 C0
        SentenceFeatures made = SentenceFeatures.embed(TextEncoderKind.MINILM,
                new CountingEncoder(2, new float[] {1f, -2f}), List.of("x"));
        Path file = tmp.resolve("e.json");
        made.write(file);
        assertTrue(Files.readString(file).contains("\"embedding\" : \"AACAPwAAAMA=\""), Files.readString(file));
    }

    @Test
    void otherTextsAreEmbeddedOnceAndAddedToWhatIsThere() {
        CountingEncoder encoder = new CountingEncoder(4);
        SentenceFeatures f = SentenceFeatures.embed(TextEncoderKind.MINILM, encoder, List.of("a"));
        float[] dst = {0f, 1f, 1f, 1f, 1f, 0f};
        f.addFeatures("sinus rhythm; ST/T change", dst, 1);
        f.addFeatures("sinus rhythm; ST/T change", new float[4], 0);
        assertEquals(2, encoder.calls.get());
        assertEquals(2, f.distinctTexts());
        float[] e = encoder.embed("sinus rhythm; ST/T change");
        assertArrayEquals(new float[] {0f, 1f + e[0], 1f + e[1], 1f + e[2], 1f + e[3], 0f}, dst);
        assertEquals(List.of("a"), f.keptTexts(), "only the model's own texts are kept in its file");
    }

    @Test
    void aReportIsTheMeanOfItsFindingsEmbeddingsInAnyOrder() {
        CountingEncoder encoder = new CountingEncoder(4);
        SentenceFeatures f = SentenceFeatures.embed(TextEncoderKind.MINILM, encoder, List.of("a b", "c", "d"));
        float[] ab = encoder.embed("a b");
        float[] c = encoder.embed("c");
        int calls = encoder.calls.get();
        float[] one = new float[4];
        float[] other = new float[4];
        f.addReportFeatures(List.of("c", "a b"), one, 0);
        f.addReportFeatures(List.of("a b", "c"), other, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals((float) (((double) ab[i] + c[i]) / 2), one[i], 0f, "component " + i);
        }
        assertArrayEquals(one, other, "order does not matter");
        float[] single = new float[4];
        f.addReportFeatures(List.of("c"), single, 0);
        assertArrayEquals(c, single, "a report of one finding is that finding");
        assertEquals(calls, encoder.calls.get(), "reports of kept findings need no encoder");
    }

    @Test
    void aNewTextWithoutTheEncodersModuleIsATypedErrorNamingIt() throws IOException {
        Path file = tmp.resolve("e.json");
        SentenceFeatures.embed(TextEncoderKind.MINILM, new CountingEncoder(8), TEXTS).write(file);
        SentenceFeatures read = SentenceFeatures.read(file);
        TextEncoderUnavailableException e = assertThrows(TextEncoderUnavailableException.class,
                () -> read.features("incomplete right bundle branch block"));
        assertTrue(e.getMessage().contains(TextEncoderKind.MINILM_MODULE), e.getMessage());
        assertTrue(e.getMessage().contains("incomplete right bundle branch block"), e.getMessage());
        assertEquals("text-encoder", e.location());
    }

    @Test
    void aDamagedFileIsATypedErrorNamingTheEntry() throws IOException {
        Path file = tmp.resolve("e.json");
        SentenceFeatures.embed(TextEncoderKind.MINILM, new CountingEncoder(2, new float[] {1f, -2f}), List.of("x"))
                .write(file);
        Files.writeString(file, Files.readString(file).replace("AACAPwAAAMA=", "AACAPw=="));
        EcgException e = assertThrows(EcgException.class, () -> SentenceFeatures.read(file));
        assertEquals("texts[0]", e.location());
        assertEquals(file, e.file());

        Files.writeString(file, Files.readString(file).replace("\"minilm\"", "\"bert\""));
        assertEquals("field encoder", assertThrows(EcgException.class, () -> SentenceFeatures.read(file)).location());
    }
}
