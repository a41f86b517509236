package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path tmp;

    record Outcome(int exit, String out, String err) {
    }

    static Outcome execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EcgCommand.configure(new CommandLine(command), false);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void ptbxlRecordWithAndWithoutHeaSuffix() throws Exception {
        Path rec = TestData.sample().resolve("records100/00000/00001_lr");
        for (String arg : List.of(rec.toString(), rec + ".hea")) {
            Path csv = tmp.resolve("out.csv");
            Outcome o = execute(new ExportCommand(), "--record", arg, "--out", csv.toString());
            assertEquals(0, o.exit(), o.err());
            List<String> lines = Files.readAllLines(csv);
            assertEquals("I,II,III,AVR,AVL,AVF,V1,V2,V3,V4,V5,V6", lines.get(0));
            assertEquals(1001, lines.size());
            // first frame of 00001_lr.dat: -119 -55 64 86 -91 4 -69 -31 0 -26 -39 -79 at gain 1000/mV
            assertEquals("-0.119000,-0.0550000,0.0640000,0.0860000,-0.0910000,0.00400000,-0.0690000,-0.0310000,"
                    + "0.000000,-0.0260000,-0.0390000,-0.0790000", lines.get(1));
            EcgRecord r = RecordReader.read(rec);
            String[] row = lines.get(500).split(",", -1);
            for (int k = 0; k < 12; k++) {
                assertEquals(r.signals()[k][499], Float.parseFloat(row[k]));
            }
        }
    }

    @Test
    void invalidSamplesAreEmptyCells() throws Exception {
        Path csv = tmp.resolve("seg.csv");
        ExportCommand.Result r = new ExportCommand().run(ExportCommand.Request.of(
                TestData.wfdbFixtures().resolve("multi-segment/p000878/3269321_0001.hea"), csv));
        assertTrue(r.emptyCells() > 0);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("PLETH", lines.get(0));
        assertEquals("", lines.get(1), "first sample is the format-80 invalid value");
        assertEquals(2001, lines.size());
    }

    @Test
    void significantDigits() {
        assertEquals("-0.145000", ExportCommand.format(-0.145f));
        assertEquals(1.2345678f, Float.parseFloat(ExportCommand.format(1.2345678f)));
        assertTrue(ExportCommand.format(1.2345678f).startsWith("1.23456"));
        assertEquals("0.000000", ExportCommand.format(0f));
        assertEquals("1234.50", ExportCommand.format(1234.5f));
        String tiny = ExportCommand.format(1.5e-7f);
        assertEquals(1.5e-7f, Float.parseFloat(tiny));
    }

    @Test
    void badInputIsExit1WithMessageAndBadFlagsExit2() {
        Outcome missing = execute(new ExportCommand(), "--record", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("x.csv").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nope.hea") && missing.err().contains("Fix:"), missing.err());
        Outcome flac = execute(new ExportCommand(), "--record", TestData.wfdbFixtures().resolve("flacformats").toString(),
                "--out", tmp.resolve("f.csv").toString());
        assertEquals(1, flac.exit());
        assertTrue(flac.err().contains("not supported"), flac.err());
        assertEquals(2, execute(new ExportCommand(), "--out", "x.csv").exit());
        assertEquals(2, execute(new ExportCommand(), "--record", "r", "--out", "x.csv", "--frames", "odd").exit());
        Outcome help = execute(new ExportCommand(), "--help");
        assertTrue(help.out().contains("Examples:"), help.out());
    }
}
