package org.ecgsiglip.eval.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.util.Sha256;
import org.junit.jupiter.api.Test;

/** The bundled 2021 weights are the Challenge's file, byte for byte, and read as it reads. */
class BundledWeightsTest {
    @Test
    void theBundledTableIsTheChallengesFile() throws IOException {
        byte[] bundled;
        try (InputStream in = ChallengeWeights.class.getResourceAsStream(ChallengeWeights.CHALLENGE_2021)) {
            bundled = in.readAllBytes();
        }
        // the SHA-256 listed for weights.csv in data/fixtures/cinc2021/SHA256SUMS.txt (the upstream file's)
        assertEquals("668cb04555a97e8977488cb4bb6088d0d2bf9e59557945deedf29d5065c14d2b", Sha256.of(bundled));
        assertEquals(Sha256.of(TestData.cincFixtures().resolve("weights.csv")), Sha256.of(bundled));
        ChallengeWeights w = ChallengeWeights.challenge2021();
        assertEquals(ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv")), w);
        assertEquals(26, w.size());
        assertEquals(java.util.List.of("733534002", "164909002"), w.classes().get(w.classOf("164909002").getAsInt()));
    }
}
