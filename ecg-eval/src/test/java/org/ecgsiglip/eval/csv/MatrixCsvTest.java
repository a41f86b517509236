package org.ecgsiglip.eval.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixCsvTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void readsQuotesBomAndTrailingBlankLines() throws IOException {
        ScoreMatrix s = MatrixCsv.readScores(file("s.csv", "\uFEFFrecord_id,A,\"B,1\"\r\n\"x,1\",0.5,1\r\ny,0,1e-3\n\n\n"));
        assertEquals(List.of("x,1", "y"), s.recordIds());
        assertEquals(List.of("A", "B,1"), s.codes());
        assertEquals(0.001, s.score(1, 1));
        TruthMatrix t = MatrixCsv.readTruth(file("t.csv", "record_id,A\nx,1\ny,0.0\nz,true\n"));
        assertTrue(t.has(0, 0) && !t.has(1, 0) && t.has(2, 0));
        Map<String, String> g = MatrixCsv.readGroups(file("g.csv", "record_id,patient_id,extra\nx,p1,9\ny,p1,9\n"));
        assertEquals(Map.of("x", "p1", "y", "p1"), g);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty          | ''                                  | line 1 | empty",
        "no id column   | id,A\\nx,0.1                        | line 1, column 1 | not record_id",
        "no findings    | record_id\\nx                       | line 1 | no finding columns",
        "duplicate code | record_id,A,A\\nx,0.1,0.2          | line 1, column 3 | appears twice",
        "no records     | record_id,A                         | line 2 | no records",
        "blank inside   | record_id,A\\nx,0.1\\n\\ny,0.2      | line 3 | blank line",
        "empty id       | record_id,A\\n,0.1                  | line 2, column 1 (record_id) | empty",
        "empty cell     | record_id,A\\nx,                    | line 2, column 2 (A) | not a number",
        "infinite       | record_id,A\\nx,Infinity            | line 2, column 2 (A) | outside [0, 1]",
        "negative       | record_id,A\\nx,-0.1                | line 2, column 2 (A) | outside [0, 1]",
        "open quote     | record_id,A\\n\"x,0.1               | line 2 | not closed"})
    void badScoreFiles(String name, String text, String where, String what) throws IOException {
        Path f = file("bad.csv", text.replace("\\n", "\n"));
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScores(f));
        assertEquals(f, e.file());
        assertEquals(where, e.location());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(e.fix() != null, "a fix is suggested");
    }

    @Test
    void badTruthCell() throws IOException {
        Path f = file("t.csv", "record_id,A,B\nx,0,2\n");
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruth(f));
        assertEquals("line 2, column 3 (B)", e.location());
    }

    @Test
    void alignmentNamesTheMismatch() throws IOException {
        Path sf = file("s.csv", "record_id,A,B\nx,0.1,0.2\ny,0.3,0.4\n");
        ScoreMatrix s = MatrixCsv.readScores(sf);
        Path tf = file("t.csv", "record_id,A\nx,1\ny,0\n");
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> MatrixCsv.alignTruth(s, sf, MatrixCsv.readTruth(tf), tf));
        assertEquals(tf, e.file());
        assertEquals("line 1, column 3", e.location());
        Path tf2 = file("t2.csv", "record_id,A,B\ny,1,0\nx,0,1\nz,0,0\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.alignTruth(s, sf, MatrixCsv.readTruth(tf2), tf2));
        assertEquals("line 4, column 1 (record_id)", e.location());
        Path tf3 = file("t3.csv", "record_id,A,B\ny,1,0\nx,0,1\n");
        TruthMatrix aligned = MatrixCsv.alignTruth(s, sf, MatrixCsv.readTruth(tf3), tf3);
        assertEquals(List.of("x", "y"), aligned.recordIds());
        assertTrue(aligned.has(0, 1) && aligned.has(1, 0));
    }

    @Test
    void duplicateRecordInGroups() throws IOException {
        Path g = file("g.csv", "record_id,patient_id\nx,1\nx,2\n");
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readGroups(g));
        assertEquals("line 3, column 1 (record_id)", e.location());
    }
}
