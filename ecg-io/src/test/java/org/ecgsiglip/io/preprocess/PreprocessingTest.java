package org.ecgsiglip.io.preprocess;

import static org.ecgsiglip.io.Fixtures.assertAllClose;
import static org.ecgsiglip.io.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.Fixtures;
import org.ecgsiglip.io.PreprocessingException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;

/** Numerics against SciPy values saved by fixtures/make_preprocess_reference.py. */
class PreprocessingTest {
    private static final JsonNode REF = Fixtures.json("preprocess_reference.json");

    @Test
    void resamplingMatchesScipyResamplePoly() {
        assertAllClose(doubles(REF.get("lead2_100")), Resampler.resample(doubles(REF.get("lead2_500")), 500, 100),
                1e-9, 1e-12);
        double[] syn = doubles(REF.get("synthetic_360"));
        assertAllClose(doubles(REF.get("synthetic_100")), Resampler.resample(syn, 360, 100), 1e-9, 1e-12);
        assertAllClose(doubles(REF.get("synthetic_250")), Resampler.resample(syn, 360, 250), 1e-9, 1e-12);
    }

    @Test
    void butterworthCoefficientsMatchScipy() {
        check(Butterworth.design(2, 0.5, 40, 100), REF.get("butter_band_2_0.5_40_100"));
        check(Butterworth.design(3, 0.5, Double.NaN, 100), REF.get("butter_high_3_0.5_100"));
        check(Butterworth.design(4, Double.NaN, 40, 500), REF.get("butter_low_4_40_500"));
    }

    private static void check(Butterworth f, JsonNode ref) {
        assertAllClose(doubles(ref.get("b")), f.b(), 1e-9, 1e-15);
        assertAllClose(doubles(ref.get("a")), f.a(), 1e-9, 1e-15);
    }

    @Test
    void filtfiltMatchesScipy() {
        double[] x100 = doubles(REF.get("lead2_100"));
        assertAllClose(doubles(REF.get("band_filtfilt")), Butterworth.design(2, 0.5, 40, 100).filtfilt(x100), 1e-7, 1e-9);
        assertAllClose(doubles(REF.get("high_filtfilt")), Butterworth.design(3, 0.5, Double.NaN, 100).filtfilt(x100),
                1e-7, 1e-9);
        assertAllClose(doubles(REF.get("low_filtfilt")),
                Butterworth.design(4, Double.NaN, 40, 500).filtfilt(doubles(REF.get("lead2_500"))), 1e-7, 1e-9);
    }

    @Test
    @ExtendedData
    void wholePipelineOnARealRecordMatchesScipy() {
        EcgRecord r = RecordReader.read(TestData.ptbxl().resolve("records500/00000/00001_hr"));
        float[][] out = Preprocessing.of(100, 1000).withBandPass(0.5, 40).withStandardize(true).apply(r);
        assertEquals(12, out.length);
        double[] lead2 = new double[1000];
        for (int i = 0; i < 1000; i++) {
            lead2[i] = out[1][i];
        }
        assertAllClose(doubles(REF.get("pipeline_100hz_1000_band_0.5_40_order2_standardized")), lead2, 1e-5, 1e-5);
    }

    @Test
    void leadsAreReorderedAndRenamedFromAnySpelling() {
        float[][] sig = new float[3][10];
        for (int k = 0; k < 3; k++) {
            java.util.Arrays.fill(sig[k], k + 1);
        }
        EcgRecord r = new EcgRecord("x", null, 100, List.of("AVR", "v1", "i"), List.of("mV", "mV", "mV"), sig);
        float[][] out = Preprocessing.of(100, 12).withLeads(List.of("I", "aVR", "V1")).apply(r);
        assertEquals(3f, out[0][0]);
        assertEquals(1f, out[1][0]);
        assertEquals(2f, out[2][9]);
        assertEquals(0f, out[2][10], "padded with zeros");
        PreprocessingException e = assertThrows(PreprocessingException.class, () -> Preprocessing.of(100, 10).apply(r));
        assertTrue(e.getMessage().contains("lead II is missing"), e.getMessage());
    }

    @Test
    void nanHandling() {
        float nan = Float.NaN;
        float[][] sig = {{nan, 1, nan, nan, 4, nan}, {nan, nan, nan, nan, nan, nan}};
        EcgRecord r = new EcgRecord("rec7", null, 100, List.of("I", "II"), List.of("mV", "mV"), sig);
        Preprocessing p = Preprocessing.of(100, 6).withLeads(List.of("I"));
        assertEquals(List.of(1f, 1f, 2f, 3f, 4f, 4f), asList(p.apply(r)[0]));
        assertEquals(List.of(0f, 1f, 0f, 0f, 4f, 0f), asList(p.withNanPolicy(NanPolicy.ZERO).apply(r)[0]));
        PreprocessingException allNan = assertThrows(PreprocessingException.class,
                () -> p.withLeads(List.of("II")).apply(r));
        assertTrue(allNan.getMessage().contains("rec7") && allNan.getMessage().contains("lead II"), allNan.getMessage());
        assertTrue(allNan.fix().contains("NanPolicy.ZERO"));
        assertEquals(List.of(0f, 0f, 0f, 0f, 0f, 0f),
                asList(p.withLeads(List.of("II")).withNanPolicy(NanPolicy.ZERO).apply(r)[0]));
        assertThrows(PreprocessingException.class, () -> p.withNanPolicy(NanPolicy.FAIL).apply(r));
    }

    @Test
    void standardisationAndCrop() {
        float[][] sig = {{1, 2, 3, 4, 100}};
        EcgRecord r = new EcgRecord("x", null, 100, List.of("I"), List.of("mV"), sig);
        float[] out = Preprocessing.of(100, 4).withLeads(List.of("I")).withStandardize(true).apply(r)[0];
        double sd = Math.sqrt(1.25);
        assertAllClose(new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd},
                new double[] {out[0], out[1], out[2], out[3]}, 1e-6, 1e-6);
    }

    @Test
    void badSettingsAreTyped() {
        assertThrows(ConfigurationException.class, () -> Preprocessing.of(100, 1000).withBandPass(0.5, 60));
        assertThrows(ConfigurationException.class, () -> Preprocessing.of(0, 1000));
        assertThrows(ConfigurationException.class, () -> Preprocessing.of(100, 0));
        assertThrows(ConfigurationException.class, () -> Preprocessing.of(100, 10).withLeads(List.of("I", "i")));
    }

    private static List<Float> asList(float[] a) {
        java.util.ArrayList<Float> l = new java.util.ArrayList<>();
        for (float v : a) {
            l.add(v);
        }
        return l;
    }
}
