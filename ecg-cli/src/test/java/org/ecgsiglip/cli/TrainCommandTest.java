package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void everyConfigurationKeyIsAFlagWithItsHelpAndDefault() {
        CommandLine train = new CommandLine(new TrainCommand());
        for (String key : ConfigFiles.SCHEMA.keys()) {
            CommandLine.Model.OptionSpec o = train.getCommandSpec().findOption("--" + key);
            assertNotNull(o, "no flag --" + key);
            String help = String.join(" ", o.description());
            assertTrue(help.contains(ConfigFiles.SCHEMA.setting(key).help()), key + ": " + help);
            assertTrue(help.contains("Default: " + ConfigFiles.SCHEMA.setting(key).value()), key + ": " + help);
        }
        StringWriter usage = new StringWriter();
        train.usage(new PrintWriter(usage));
        for (String heading : List.of("Data options:", "Preprocessing options:", "Model options:", "Training options:",
                "Run options:")) {
            assertTrue(usage.toString().contains(heading), heading);
        }
    }

    @Test
    void flagsOverrideTheFileWhichOverridesTheDefaults() throws Exception {
        Path config = tmp.resolve("c.json");
        Files.writeString(config, "{\"epochs\": 7, \"batch-size\": 64, \"ptbxl\": \"data/x\"}");
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--config", config.toString(), "--batch-size", "16", "--train-folds", "1,2",
                "--exclude-from-collisions", "NORM,MI", "--ignore-unknown-codes", "--out", tmp.resolve("run").toString());
        TrainConfig c = cmd.trainOptions().resolve();
        assertEquals(7, c.epochs(), "from the file");
        assertEquals(16, c.batchSize(), "the flag wins");
        assertEquals(List.of(1, 2), c.trainFolds());
        assertEquals(List.of("NORM", "MI"), c.excludeFromCollisions());
        assertTrue(c.ignoreUnknownCodes(), "a boolean flag without a value");
        assertEquals(tmp.resolve("data/x"), c.ptbxl(), "relative to the configuration file");
        assertEquals(LabelMatrix.SHARED_FINDING, c.labelMatrix(), "a default");
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() throws Exception {
        Path config = tmp.resolve("bad.json");
        Files.writeString(config, "{\"batchsize\": 64}");
        EcgException e = assertThrows(EcgException.class, () -> ConfigFiles.read(config));
        assertTrue(e.getMessage().contains("did you mean 'batch-size'"), e.getMessage());
        Outcome o = execute("train", "--ptbxl", tmp.toString(), "--label-matrix", "sharedfinding", "--out",
                tmp.resolve("r").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("--label-matrix")
                && o.err().contains("did you mean 'shared-finding'"), o.err());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--weight-decay|NaN|a number >= 0",
        "--amplitude-scale|Infinity|a number",
        "--clip-norm|-1|>= 0",
        "--clip-norm|NaN|a number",
        "--learning-rate|Infinity|a number",
        "--learning-rate|0|> 0",
        "--epochs|1.5|a whole number",
        "--epochs|0|>= 1",
        "--band-low|0x1p-2|a number",
        "--lead-dropout|1|< 1",
        "--seed|forty-two|a whole number"})
    void outOfRangeAndNonFiniteFlagsAreRefused(String flag, String value, String expected) {
        Outcome o = execute("train", "--ptbxl", TestData.sample().toString(), flag, value, "--out",
                tmp.resolve("r").toString());
        assertEquals(1, o.exit(), o.err());
        assertTrue(o.err().contains(flag) && o.err().contains(expected), o.err());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"epochs\": 1.5}|key 'epochs'|a whole number",
        "{\"epochs\": null}|key 'epochs'|no value (null)",
        "{\"epochs\": \"10\"}|key 'epochs'|a whole number",
        "{\"epochs\": 3, \"epochs\": 4}|line 1|each key once",
        "{\"train-folds\": [1, 2.5]}|key 'train-folds'|whole numbers",
        "{\"band-low\": null, \"level\": \"hyper\"}|key 'level'|Choices: all, diagnostic",
        "[1, 2]||a JSON object"})
    void badConfigurationValuesNameFileAndKey(String json, String location, String expected) throws Exception {
        Path config = tmp.resolve("c.json");
        Files.writeString(config, json);
        EcgException e = assertThrows(EcgException.class, () -> ConfigFiles.read(config));
        assertEquals(config, e.file());
        assertTrue(location == null || e.getMessage().contains(location), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void foldsTheDatasetDoesNotHaveAreATypoNotAnEmptyFold() {
        Outcome o = execute("train", "--ptbxl", TestData.sample().toString(), "--train-folds", "1,2,11", "--out",
                tmp.resolve("r").toString(), "--epochs", "1");
        assertEquals(1, o.exit(), o.err());
        assertTrue(o.err().contains("fold 11") && o.err().contains("[1, 2, 3, 4, 5, 6, 7, 8, 9]"), o.err());
    }

    /** What a command printed and returned. */
    record Outcome(int exit, String out, String err) {
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EcgCommand.configure(new CommandLine(new EcgCommand()), false);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
