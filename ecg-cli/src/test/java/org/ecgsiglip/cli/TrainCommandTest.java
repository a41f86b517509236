package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void everyConfigurationKeyIsAlsoAFlag() {
        List<String> keys = new ArrayList<>();
        ConfigFiles.defaults().fieldNames().forEachRemaining(keys::add);
        CommandLine train = new CommandLine(new TrainCommand());
        for (String key : keys) {
            assertNotNull(train.getCommandSpec().findOption("--" + key), "no flag --" + key);
        }
        assertEquals(keys, new ArrayList<>(new TrainCommand.TrainOptions().overrides().keySet()));
    }

    @Test
    void flagsOverrideTheFileWhichOverridesTheDefaults() throws Exception {
        Path config = tmp.resolve("c.json");
        Files.writeString(config, "{\"epochs\": 7, \"batch-size\": 64, \"ptbxl\": \"data/x\"}");
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--config", config.toString(), "--batch-size", "16", "--train-folds", "1,2",
                "--exclude-from-collisions", "NORM,MI", "--out", tmp.resolve("run").toString());
        TrainConfig c = cmd.options.resolve();
        assertEquals(7, c.epochs(), "from the file");
        assertEquals(16, c.batchSize(), "the flag wins");
        assertEquals(List.of(1, 2), c.trainFolds());
        assertEquals(List.of("NORM", "MI"), c.excludeFromCollisions());
        assertEquals(tmp.resolve("data/x"), c.ptbxl(), "relative to the configuration file");
        assertEquals("shared-finding", c.labelMatrix(), "a default");
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() throws Exception {
        Path config = tmp.resolve("bad.json");
        Files.writeString(config, "{\"batchsize\": 64}");
        EcgException e = assertThrows(EcgException.class, () -> ConfigFiles.read(config));
        assertTrue(e.getMessage().contains("did you mean 'batch-size'"), e.getMessage());
        int code = EcgCommand.execute("train", "--ptbxl", tmp.toString(), "--label-matrix", "sharedfinding", "--out",
                tmp.resolve("r").toString());
        assertEquals(1, code);
    }
}
