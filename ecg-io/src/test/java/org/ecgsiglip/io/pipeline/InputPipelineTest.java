package org.ecgsiglip.io.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cache.Half;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPipelineTest {
    @TempDir
    Path tmp;

    static DataSpec spec(Standardization s, Windows w, Precision p) {
        return new DataSpec(new PtbXlSource(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC, 100, false),
                Folds.ptbxlBenchmark(), Preprocessing.of(100, 1000).withBandPass(0.5, 40), s, w, p);
    }

    @Test
    void leadStatisticsByHand() {
        // two records, two leads, three samples: lead 0 = {1,2,3, 5,5,5}, lead 1 = {0,0,0, 0,0,6}
        SignalSource s = SignalSource.inMemory(new float[][] {{1, 2, 3, 0, 0, 0}, {5, 5, 5, 0, 0, 6}}, 2, 3);
        LeadStatistics st = LeadStatistics.fit(s, new int[] {0, 1});
        assertArrayEquals(new double[] {21.0 / 6, 1.0}, st.mean(), 1e-15);
        double var0 = (Math.pow(1 - 3.5, 2) + Math.pow(2 - 3.5, 2) + Math.pow(3 - 3.5, 2) + 3 * Math.pow(5 - 3.5, 2)) / 6;
        double var1 = (5 * 1.0 + 25.0) / 6;
        assertArrayEquals(new double[] {Math.sqrt(var0), Math.sqrt(var1)}, st.sd(), 1e-15);
        // only the records asked for count
        assertArrayEquals(new double[] {2.0, 0.0}, LeadStatistics.fit(s, new int[] {0}).mean(), 0);
    }

    @Test
    void windowScalesWithTheStatisticsAndCropsEachLead() {
        DataSpec spec = new DataSpec(new PtbXlSource(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC, 100, false),
                Folds.ptbxlBenchmark(), Preprocessing.of(100, 4).withLeads(List.of("I", "II")),
                Standardization.DATASET, new Windows(2, 0, Aggregation.MEAN), Precision.FLOAT32);
        InputPipeline p = new InputPipeline(spec, new LeadStatistics(new double[] {1, -1}, new double[] {2, 0.5}));
        float[] stored = {1, 3, 5, 7, -1, 0, 1, 2};
        float[] dst = new float[4];
        p.window(stored, 0, 1, dst, 0);
        assertArrayEquals(new float[] {(3 - 1) / 2f, (5 - 1) / 2f, (0 + 1) * 2f, (1 + 1) * 2f}, dst);
        assertArrayEquals(new int[] {1}, p.evaluationOffsets());
        assertThrows(IllegalArgumentException.class, () -> p.window(stored, 0, 3, dst, 0));
        assertThrows(ConfigurationException.class, () -> new InputPipeline(spec, null), "dataset scaling needs statistics");
    }

    @Test
    void prepareRoundsLikeTheCacheDoes() {
        EcgRecord r = RecordReader.read(TestData.sample().resolve("records100/00000/00001_lr"));
        InputPipeline f32 = new InputPipeline(spec(Standardization.RECORD, Windows.whole(1000), Precision.FLOAT32), null);
        InputPipeline f16 = new InputPipeline(spec(Standardization.RECORD, Windows.whole(1000), Precision.FLOAT16), null);
        float[] a = f32.prepare(r);
        float[] b = f16.prepare(r);
        float[][] direct = f32.spec().preprocessing().apply(r);
        int changed = 0;
        for (int k = 0; k < 12; k++) {
            for (int t = 0; t < 1000; t++) {
                assertEquals(direct[k][t], a[k * 1000 + t], 0f);
                assertEquals(Half.toFloat(Half.fromFloat(direct[k][t])), b[k * 1000 + t], 0f);
                changed += a[k * 1000 + t] != b[k * 1000 + t] ? 1 : 0;
            }
        }
        assertTrue(changed > 1000, "half precision changes most values: " + changed);
    }

    @Test
    void jsonRoundTripAndDigest() throws Exception {
        InputPipeline p = new InputPipeline(spec(Standardization.DATASET, new Windows(250, 125, Aggregation.MAX),
                Precision.FLOAT16), new LeadStatistics(new double[12], filled(12, 0.25)));
        Path file = tmp.resolve("pipeline.json");
        PipelineJson.write(p, file);
        InputPipeline back = PipelineJson.read(file);
        assertEquals(p, back);
        assertEquals(p.digest(), back.digest());
        InputPipeline other = new InputPipeline(spec(Standardization.DATASET, new Windows(250, 125, Aggregation.MEAN),
                Precision.FLOAT16), p.statistics());
        assertNotEquals(p.digest(), other.digest(), "the aggregation is part of the pipeline");
        assertEquals(p.spec().cacheKey(), other.spec().cacheKey(), "but not of what the cache holds");
        assertNotEquals(p.spec().cacheKey(), spec(Standardization.RECORD, Windows.whole(1000), Precision.FLOAT16)
                .cacheKey(), "per-record scaling changes the cached values");

        Files.writeString(file, Files.readString(file).replace("\"stride\" : 125", "\"stride\" : \"x\""));
        EcgException e = assertThrows(EcgException.class, () -> PipelineJson.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("stride"), e.getMessage());
    }

    @Test
    void foldsAreCheckedAgainstTheDataset() {
        assertThrows(ConfigurationException.class, () -> new Folds(List.of(1, 2), List.of(2), List.of()));
        assertThrows(ConfigurationException.class, () -> new Folds(List.of(1, 1), List.of(2), List.of()));
        DataSpec s = spec(Standardization.RECORD, Windows.whole(1000), Precision.FLOAT32);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new Folds(List.of(1, 11), List.of(9), List.of()).split(s.source().load()));
        assertTrue(e.getMessage().contains("fold 11"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> new DataSpec(s.source(), s.folds(), s.preprocessing(),
                Standardization.NONE, new Windows(2000, 0, Aggregation.MEAN), Precision.FLOAT32));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
