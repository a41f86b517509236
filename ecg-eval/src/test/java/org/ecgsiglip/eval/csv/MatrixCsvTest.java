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
        "infinite       | record_id,A\\nx,Infinity            | line 2, column 2 (A) | is infinite",
        "hexadecimal    | record_id,A\\nx,0x1p-2              | line 2, column 2 (A) | hexadecimal",
        "float suffix   | record_id,A\\nx,0.5f                | line 2, column 2 (A) | not a number written as a decimal",
        "double suffix  | record_id,A\\nx,0.5D                | line 2, column 2 (A) | not a number written as a decimal",
        "NaN            | record_id,A\\nx,NaN                 | line 2, column 2 (A) | NaN",
        "minus infinity | record_id,A\\nx,-Infinity           | line 2, column 2 (A) | is infinite",
        "underscore     | record_id,A\\nx,0_5                 | line 2, column 2 (A) | not a number",
        "bare exponent  | record_id,A\\nx,1e                  | line 2, column 2 (A) | not a number",
        "overflow       | record_id,A\\nx,1e400               | line 2, column 2 (A) | outside [0, 1]",
        "two records    | record_id,A\\nx,0.1\\ny,0.2\\nx,0.3    | line 4, column 1 (record_id) | appears twice (also line 2)",
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
    void decimalsAreWhatScoresMayBeWritten() {
        for (String ok : List.of("0", "1", "0.5", ".5", "1.", "+0.25", "-0", "2.5e-1", "25E-2", "1e+0")) {
            assertTrue(Cells.isDecimal(ok), ok);
            assertEquals(Double.parseDouble(ok), Cells.score(ok, Path.of("s.csv"), "x"), ok);
        }
        for (String bad : List.of("", ".", "+", "e1", "0x1p-2", "0.5f", "1d", "NaN", "Infinity", "1e", "1e+", "0,5",
                "\u0661", "1 2", "0.5 ")) {
            assertTrue(!Cells.isDecimal(bad), bad);
        }
    }

    private List<String> listing() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName() + " " + p.toFile().length()).sorted().toList();
        }
    }

    @Test
    void truthIsCheckedAgainstTheScoresLineByLine() throws IOException {
        Path sf = file("s.csv", "record_id,A,B\nx,0.1,0.2\ny,0.3,0.4\n");
        ScoreMatrix s = MatrixCsv.readScores(sf);
        TruthMatrix t = MatrixCsv.readTruthFor(s, sf, file("t.csv", "record_id,B,A\ny,1,0\nx,0,1\n"));
        assertEquals(List.of("x", "y"), t.recordIds());
        assertEquals(List.of("A", "B"), t.codes());
        assertTrue(t.has(0, 0) && !t.has(0, 1) && !t.has(1, 0) && t.has(1, 1), "columns mapped by name");
        List<String> before = listing();

        Path unknownColumn = file("t1.csv", "record_id,A,C\nx,1,0\n");
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruthFor(s, sf, unknownColumn));
        assertEquals("line 1, column 3", e.location());
        assertTrue(e.getMessage().contains("unknown column 'C': s.csv has no finding of that code"), e.getMessage());
        Path missingColumn = file("t2.csv", "record_id,A\nx,1\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruthFor(s, sf, missingColumn));
        assertTrue(e.getMessage().contains("column 'B' of s.csv is missing"), e.getMessage());
        // the first line is for another record: the read stops there, before the line that is not CSV at all
        Path otherRecords = file("t3.csv", "record_id,A,B\nz,1,0\n\"never read\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruthFor(s, sf, otherRecords));
        assertEquals(otherRecords, e.file());
        assertEquals("line 2, column 1 (record_id)", e.location());
        assertTrue(e.getMessage().contains("record 'z' has no scores in s.csv"), e.getMessage());
        Path fewer = file("t4.csv", "record_id,A,B\ny,1,0\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruthFor(s, sf, fewer));
        assertEquals(sf, e.file());
        assertEquals("line 2, column 1 (record_id)", e.location());
        assertTrue(e.getMessage().contains("record 'x' is not in t4.csv"), e.getMessage());
        Path twice = file("t5.csv", "record_id,A,B\ny,1,0\ny,1,0\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruthFor(s, sf, twice));
        assertTrue(e.getMessage().contains("record id 'y' appears twice (also line 2)"), e.getMessage());
        assertEquals(before.size() + 5, listing().size(), "reading wrote nothing");
    }

    @Test
    void aSecondScoreTableIsCheckedAgainstTheFirst() throws IOException {
        Path af = file("a.csv", "record_id,A,B\nx,0.1,0.2\ny,0.3,0.4\n");
        ScoreMatrix a = MatrixCsv.readScores(af);
        ScoreMatrix b = MatrixCsv.readScoresLike(a, af, file("b.csv", "record_id,B,A\ny,0.5,0.6\nx,0.7,0.8\n"));
        assertEquals(a.recordIds(), b.recordIds());
        assertEquals(0.8, b.score(0, 0));
        assertEquals(0.5, b.score(1, 1));
        Path other = file("c.csv", "record_id,A,B\nq,0.1,0.2\n");
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScoresLike(a, af, other));
        assertTrue(e.getMessage().contains("record 'q' is not scored in a.csv"), e.getMessage());
        Path hex = file("d.csv", "record_id,A,B\nx,0x1p-2,0.2\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScoresLike(a, af, hex));
        assertEquals("line 2, column 2 (A)", e.location());
    }

    @Test
    void binaryTextAndEndlessLinesAreRefusedWithTheirLine() throws IOException {
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "record_id,A\nx,0.1\nj\u00f6rg,0.2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScores(latin1));
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
        assertTrue(e.location().startsWith("line "), e.location());
        Path binary = tmp.resolve("binary.csv");
        Files.write(binary, new byte[] {'r', 'e', 'c', 0, 1, 2, '\n'});
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readTruth(binary));
        assertEquals("line 1", e.location());
        assertTrue(e.getMessage().contains("not a text file"), e.getMessage());
        Path endless = file("endless.csv", "record_id,A\nx," + "7".repeat(3 << 20) + "\n");
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScores(endless));
        assertEquals("line 2", e.location());
        assertTrue(e.getMessage().contains("longer than 1048576 characters (1 MiB)"), e.getMessage());
        assertTrue(e.getMessage().length() < 500 && !e.getMessage().contains("7".repeat(81)), e.getMessage());
        e = assertThrows(EvalInputException.class, () -> MatrixCsv.readScores(tmp.resolve("none.csv")));
        assertTrue(e.getMessage().contains("the file does not exist"), e.getMessage());
    }

    @Test
    void aMatrixBuiltInCodeNamesBothPositionsOfADuplicateId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScoreMatrix(
                List.of("a", "b", "a"), List.of("A"), new double[][] {{0.1}, {0.2}, {0.3}}));
        assertEquals("duplicate record id 'a' at positions 0 and 2 (0-based)", e.getMessage());
    }

    @Test
    void duplicateRecordInGroups() throws IOException {
        Path g = file("g.csv", "record_id,patient_id\nx,1\nx,2\n");
        EvalInputException e = assertThrows(EvalInputException.class, () -> MatrixCsv.readGroups(g));
        assertEquals("line 3, column 1 (record_id)", e.location());
    }
}
