package org.ecgsiglip.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {
    private final TextTokenizer tok = TextTokenizer.fromTexts(List.of(
            "complete left bundle branch block", "complete right bundle branch block", "ST/T change"));

    @Test
    void splitsOnAnythingButLettersAndDigits() {
        assertEquals(List.of("st", "t", "change"), TextTokenizer.tokens("ST/T change"));
        assertEquals(List.of("1st", "degree", "av", "block"), TextTokenizer.tokens("1st degree AV-block."));
    }

    @Test
    void wordListIsSortedAndDistinct() {
        assertEquals(List.of("block", "branch", "bundle", "change", "complete", "left", "right", "st", "t"), tok.words());
        assertEquals(9 + 1024, tok.dimension());
    }

    @Test
    void eachTokenCarriesWeightOneForItsWordAndOneForItsNgrams() {
        float[] v = tok.features("left bundle");
        float words = 0;
        float grams = 0;
        for (int i = 0; i < v.length; i++) {
            if (i < tok.words().size()) {
                words += v[i];
            } else {
                grams += v[i];
            }
        }
        assertEquals(1f, words, 1e-6, "two known words, each 1/2");
        assertEquals(1f, grams, 1e-5, "n-gram mass 1 per token, divided by the token count");
        assertEquals(0.5f, v[tok.words().indexOf("left")], 1e-6);
    }

    @Test
    void anUnseenWordStillSharesNgramsWithItsRelatives() {
        float[] known = tok.features("bundle");
        float[] unseen = tok.features("bundles");
        double dot = 0;
        for (int i = tok.words().size(); i < known.length; i++) {
            dot += known[i] * unseen[i];
        }
        assertTrue(dot > 0, "shared n-grams");
        float wordMass = 0;
        for (int i = 0; i < tok.words().size(); i++) {
            wordMass += unseen[i];
        }
        assertEquals(0f, wordMass, "an unseen word has no word feature");
    }

    @Test
    void hashIsTheFnv1aReference() {
        // FNV-1a 32-bit of "a" is 0xe40c292c (published test vector)
        assertEquals(0xe40c292c, TextTokenizer.fnv1a("a", 0, 1));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TextTokenizer back = json.readValue(json.writeValueAsString(tok), TextTokenizer.class);
        assertEquals(tok, back);
        assertEquals(tok.features("left bundle branch block")[5], back.features("left bundle branch block")[5]);
    }
}
