package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.dataset.FoldAssignment;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.DataSpec;
import org.ecgsiglip.io.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CinC options of a training configuration: one dataset, the split in the pipeline, nothing ignored. */
class CincConfigTest {
    @TempDir
    Path tmp;

    private static TrainConfig cinc(Map<String, Object> more) {
        Map<String, Object> o = new HashMap<>(Map.of("cinc", TestData.cincFixtures().toString()));
        o.putAll(more);
        return ConfigFiles.resolve(null, o);
    }

    @Test
    void cincBuildsTheCincSourceWithItsOwnFoldSeed() {
        TrainConfig c = cinc(Map.of("ignore-unknown-codes", true));
        CincDataSource s = assertInstanceOf(CincDataSource.class, c.dataSpec().source());
        assertEquals(new CincDataSource(TestData.cincFixtures(), Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(10, 1)), s, "scored classes, 10 folds, fold seed 1 by default");
        assertEquals("cinc2021-scored", s.name());
        DataSpec spec = c.dataSpec();
        DataSpec otherTrainingSeed = cinc(Map.of("ignore-unknown-codes", true, "seed", 7)).dataSpec();
        assertEquals(spec.digest(), otherTrainingSeed.digest(), "the training seed does not move the split");
        DataSpec otherSplit = cinc(Map.of("ignore-unknown-codes", true, "cinc-fold-seed", 7)).dataSpec();
        assertNotEquals(spec.digest(), otherSplit.digest());
        assertNotEquals(spec.cacheKey(), otherSplit.cacheKey(), "another split caches other records");
        assertNotEquals(spec.cacheKey(), cinc(Map.of("ignore-unknown-codes", true, "cinc-folds", 5)).dataSpec()
                .cacheKey());
        assertEquals("cinc2021-all", cinc(Map.of("cinc-unscored", "include")).dataSpec().source().name());
    }

    @Test
    void aSplitFileIsHashedAndRelativeToItsConfigurationFile() throws IOException {
        Files.createDirectories(tmp.resolve("conf"));
        Path split = tmp.resolve("conf/split.csv");
        FoldAssignment.write(Cinc.assignFolds(Cinc.load(TestData.cincFixtures(), Cinc.Options.defaults()
                .withIgnoreUnknownCodes(true)), 3, 1), split);
        Path file = tmp.resolve("conf/train.json");
        Files.writeString(file, "{\"cinc\": \"" + TestData.cincFixtures().toString().replace("\\", "\\\\")
                + "\", \"split-file\": \"split.csv\", \"ignore-unknown-codes\": true}");
        TrainConfig c = ConfigFiles.read(file);
        assertEquals(split, c.splitFile());
        CincDataSource s = (CincDataSource) c.dataSpec().source();
        assertEquals(new CincDataSource.SplitFile(split, Sha256.of(split)), s.assignment());
        assertEquals(3, s.load().foldCounts().size());
        Path written = tmp.resolve("conf/written.json");
        ConfigFiles.write(c, written);
        assertEquals(c, ConfigFiles.read(written), "config.json round trip");
    }

    @Test
    void oneDatasetExactly() {
        ConfigurationException both = assertThrows(ConfigurationException.class, () -> cinc(Map.of("ptbxl",
                TestData.sample().toString())));
        assertTrue(both.getMessage().contains("both ptbxl and cinc"), both.getMessage());
        TrainConfig neither = ConfigFiles.resolve(null, Map.of());
        ConfigurationException none = assertThrows(ConfigurationException.class, neither::dataSpec);
        assertTrue(none.getMessage().contains("--ptbxl") && none.getMessage().contains("--cinc"), none.getMessage());
        EcgException missing = assertThrows(EcgException.class, () -> cinc(Map.of("split-file",
                tmp.resolve("absent.csv").toString())).dataSpec());
        assertTrue(missing.getMessage().contains("split file not found"), missing.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cinc|level|all|level is set but has no effect with cinc",
        "cinc|sampling-rate|500|sampling-rate is set but has no effect with cinc",
        "ptbxl|cinc-unscored|include|cinc-unscored is set but has no effect with ptbxl",
        "ptbxl|cinc-folds|5|cinc-folds is set but has no effect with ptbxl",
        "ptbxl|cinc-fold-seed|3|cinc-fold-seed is set but has no effect with ptbxl",
        "ptbxl|split-file|split.csv|split-file is set but has no effect with ptbxl"})
    void optionsOfTheOtherDatasetAreRefusedNotIgnored(String dataset, String key, String value, String message) {
        Map<String, Object> o = new HashMap<>();
        o.put(dataset, dataset.equals("cinc") ? TestData.cincFixtures().toString() : TestData.sample().toString());
        o.put(key, key.equals("split-file") ? tmp.resolve(value).toString() : value);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigFiles.resolve(null, o));
        assertTrue(e.getMessage().contains(message) && e.getMessage().contains("leave " + key + " at its default"),
                e.getMessage());
    }

    @Test
    void aSplitFileLeavesNoRoomForTheSeededAssignment() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> cinc(Map.of("split-file",
                tmp.resolve("s.csv").toString(), "cinc-fold-seed", 4)));
        assertTrue(e.getMessage().contains("cinc-fold-seed is set but has no effect with split-file"), e.getMessage());
        ConfigurationException k = assertThrows(ConfigurationException.class, () -> cinc(Map.of("cinc-folds", 1)));
        assertTrue(k.getMessage().contains("cinc-folds"), k.getMessage());
    }
}
