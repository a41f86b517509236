package org.ecgsiglip.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON form of a calibration: save, load, same predictions; bad files name file, field and fix. */
class CalibrationFileTest {
    @TempDir
    Path tmp;

    private final ScoreMatrix scores = CalibrationFixtures.scores("platt");
    private final TruthMatrix truth = CalibrationFixtures.truth("platt");

    @Test
    void saveLoadGivesTheSameCalibrationAndTheSamePredictions() throws IOException {
        for (LogitCalibration c : new LogitCalibration[] {LogitCalibration.platt(scores, truth),
            LogitCalibration.sharedTemperature(scores, truth)}) {
            Path file = tmp.resolve(c.method().key() + ".json");
            c.write(file);
            LogitCalibration back = LogitCalibration.read(file);
            assertEquals(c, back);
            assertEquals(c.apply(scores), back.apply(scores));
            try (Stream<Path> s = Files.list(tmp)) {
                assertTrue(s.allMatch(p -> p.getFileName().toString().endsWith(".json")), "no temporary file left");
            }
        }
        String text = Files.readString(tmp.resolve("shared_temperature.json"));
        assertTrue(text.contains("\"temperature\"") && text.contains("\"formula\""), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"method\": \"platt\", \"findings\": {|line 1, column|not valid JSON",
        "[1, 2]|no JSON object|no JSON object",
        "{\"method\": \"isotonic\", \"findings\": {}}|field method|\"isotonic\"",
        "{\"method\": \"platt\"}|field findings|no \"findings\"",
        "{\"method\": \"platt\", \"findings\": {\"MI\": {\"a\": \"x\", \"b\": 0, \"status\": \"FITTED\"}}}"
            + "|field findings.MI.a|not a finite number",
        "{\"method\": \"platt\", \"findings\": {\"MI\": {\"a\": 1, \"b\": 0, \"status\": \"GUESSED\"}}}"
            + "|field findings.MI.status|\"GUESSED\"",
        "{\"method\": \"platt\", \"findings\": {\"MI\": {\"a\": 1, \"b\": 0, \"status\": \"FITTED\", \"records\": -3}}}"
            + "|field findings.MI.records|not a count",
        "{\"method\": \"shared_temperature\", \"findings\": {}}|field shared|no \"shared\" object",
        "{\"method\": \"platt\", \"findings\": {}, \"shared\": {}}|field shared|has a \"shared\" object",
    })
    void badFilesAreTyped(String content, String where, String what) throws IOException {
        Path file = tmp.resolve("calibration.json");
        Files.writeString(file, content);
        EvalInputException e = assertThrows(EvalInputException.class, () -> LogitCalibration.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void aMissingFileIsTyped() {
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> LogitCalibration.read(tmp.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void aFileOverTheSizeCapIsRefusedUnread() throws IOException {
        Path big = tmp.resolve("calibration.json");
        Files.writeString(big, "{" + " ".repeat((int) CalibrationJson.MAX_FILE_BYTES) + "}");
        EvalInputException e = assertThrows(EvalInputException.class, () -> LogitCalibration.read(big));
        assertTrue(e.getMessage().contains("calibration file may have"), e.getMessage());
    }
}
