package org.ecgsiglip.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.ecgsiglip.model.train.ConfigFiles;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {
    @Test
    void variantsShareLoadedDataOnlyWhenTheSignalsAreTheSame() {
        String base = ExperimentRunner.dataKey(ConfigFiles.resolve(null, Map.of("ptbxl", "/d")));
        assertEquals(base, ExperimentRunner.dataKey(ConfigFiles.resolve(null,
                Map.of("ptbxl", "/d", "label-matrix", "diagonal", "epochs", 3))), "training settings do not matter");
        assertNotEquals(base, ExperimentRunner.dataKey(ConfigFiles.resolve(null,
                Map.of("ptbxl", "/d", "record-length", 1200))), "the stored length shapes the cache");
        assertNotEquals(base, ExperimentRunner.dataKey(ConfigFiles.resolve(null,
                Map.of("ptbxl", "/d", "band-high", 30.0))), "so does the filter");
    }
}
