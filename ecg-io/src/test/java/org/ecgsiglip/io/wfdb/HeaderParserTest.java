package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;

class HeaderParserTest {
    @Test
    void everyFieldOfRecordAndSignalLines() {
        String text = "# leading comment\nrec/1 2 360/180(5) 1000 12:30:00.5 01/02/2003\n"
                + "rec01 1000\n\n"
                + "sig.dat 16x2:100+512 200(500)/uV 12 2048 7 -123 4 Channel A\n"
                + "sig.dat 16 0 12 2048\n# trailing comment\n";
        WfdbHeader h = HeaderParser.parse(text, Path.of("rec.hea"));
        assertEquals("rec", h.recordName());
        assertEquals(1, h.segmentCount());
        assertEquals(2, h.signalCount());
        assertEquals(360.0, h.samplingFrequency());
        assertEquals(180.0, h.counterFrequency());
        assertEquals(5.0, h.baseCounter());
        assertEquals(1000, h.sampleCount());
        assertEquals("12:30:00.5", h.baseTime());
        assertEquals("01/02/2003", h.baseDate());
        assertEquals(List.of(" leading comment", " trailing comment"), h.comments());
        assertEquals(new SegmentSpec("rec01", 1000, 3), h.segments().get(0));
        SignalSpec a = h.signals().get(0);
        assertEquals("sig.dat", a.fileName());
        assertEquals(16, a.format());
        assertEquals(2, a.samplesPerFrame());
        assertEquals(100, a.skew());
        assertEquals(512, a.byteOffset());
        assertEquals(200.0, a.gain());
        assertTrue(a.gainGiven());
        assertEquals(500, a.baseline());
        assertEquals("uV", a.units());
        assertEquals(12, a.adcResolution());
        assertEquals(2048, a.adcZero());
        assertEquals(OptionalInt.of(7), a.initialValue());
        assertEquals(OptionalInt.of(-123), a.checksum());
        assertEquals(4, a.blockSize());
        assertEquals("Channel A", a.description());
        assertEquals(5, a.line());
        SignalSpec b = h.signals().get(1);
        assertFalse(b.gainGiven(), "gain 0 means uncalibrated");
        assertEquals(200.0, b.gain());
        assertEquals(2048, b.baseline(), "baseline defaults to the ADC zero");
        assertEquals("mV", b.units());
        assertTrue(b.initialValue().isEmpty() && b.checksum().isEmpty());
        assertEquals("signal 1", b.label(1));
    }

    @Test
    @ExtendedData
    void record100KeepsItsComments() {
        WfdbHeader mit = HeaderParser.parse(TestData.wfdbSamples().resolve("100.hea"));
        assertEquals(List.of(" unnecessary comment", " 69 M 1085 1629 x1", " Aldomet, Inderal"), mit.comments());
        assertEquals(1024, mit.signals().get(0).baseline());
        assertEquals(11, mit.signals().get(0).adcResolution());
    }

    @Test
    void realHeadersKeepTheirQuirks() {
        WfdbHeader test01 = HeaderParser.parse(TestData.wfdbFixtures().resolve("test01_00s_skew.hea"));
        assertEquals(List.of(" <age>: 25  <sex>: M  <diagnoses>: (none)  <medications>: (none)",
                " This is a copy of test01_00s with a skew stated in channel 1."), test01.comments());
        assertEquals(3, test01.signals().get(1).skew());
        WfdbHeader cinc = HeaderParser.parse(TestData.cincFixtures().resolve("E07500.hea"));
        assertEquals("E07500.mat", cinc.recordName(), "CinC names the record after its .mat file");
        assertEquals("E07500", cinc.baseName());
        assertEquals("05-May-2020", cinc.baseTime(), "CinC writes the date first");
        assertEquals("09:49:17", cinc.baseDate());
        WfdbHeader mimic = HeaderParser.parse(TestData.wfdbFixtures().resolve("multi-segment/041s/041s01.hea"));
        assertEquals(-1600, mimic.signals().get(3).baseline());
        assertEquals("mmHg", mimic.signals().get(3).units());
        assertEquals("III", mimic.signals().get(0).description());
        WfdbHeader mat = HeaderParser.parse(TestData.wfdbFixtures().resolve("a103l.hea"));
        assertEquals(24, mat.signals().get(0).byteOffset());
        assertEquals(10520.0, mat.signals().get(1).gain());
        assertEquals("NU", mat.signals().get(2).units());
        WfdbHeader layout = HeaderParser.parse(TestData.wfdbFixtures().resolve("multi-segment/p000878/3269321_layout.hea"));
        assertTrue(layout.signals().get(0).isNull());
        WfdbHeader master = HeaderParser.parse(
                TestData.wfdbFixtures().resolve("multi-segment/p000878/p000878-2137-10-26-16-57.hea"));
        assertTrue(master.isVariableLayout());
        assertTrue(master.segments().get(1).isGap());
        assertEquals(52725000L, master.sampleCount());
    }

    @Test
    void linesSplitAtEveryKindOfBreakAsTheRegexDid() {
        for (String text : new String[] {"", "a", "a\n", "a\r\nb", "a\rb\r", "a\n\nb", "\r\n\r\n", "a\n\rb",
            "x\r\r\ny"}) {
            assertEquals(List.of(text.split("\r\n|\n|\r", -1)), List.of(HeaderParser.lines(text)), text);
        }
    }

    @Test
    void quickWhitespaceTestAgreesWithTheJdkForEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), HeaderParser.isSpace((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void inPlaceIntegersGiveParseIntsValueOrMessage() {
        String[] fields = {"0", "-0", "7", "-123", "123456789", "-999999999", "1234567890", "2147483647",
            "2147483648", "-2147483648", "+5", "12a", "-", "1.5", "\u0661\u0662", "007", "99999999999"};
        for (String f : fields) {
            HeaderParser.Cursor fast = new HeaderParser.Cursor(Path.of("x.hea"), 3, "  " + f + " next");
            HeaderParser.Cursor slow = new HeaderParser.Cursor(Path.of("x.hea"), 3, "  " + f + " next");
            Object expected;
            try {
                expected = HeaderParser.parseInt(slow, slow.next("checksum"), "checksum");
            } catch (org.ecgsiglip.io.RecordFormatException e) {
                expected = e.getMessage();
            }
            Object actual;
            try {
                actual = fast.nextInt("checksum");
                assertEquals("next", fast.next("after"), f);
            } catch (org.ecgsiglip.io.RecordFormatException e) {
                actual = e.getMessage();
            }
            assertEquals(expected, actual, f);
        }
    }

    @Test
    void headerFilesAreReadWholeWhateverTheirSize(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.hea"), "");
        assertEquals(0, HeaderFiles.readAll(empty).length);
        String text = "r 1 100 2\nr.dat 16 200 16 0 5 12 0 I\n".repeat(1) + "#" + "x".repeat(70_000) + "\n";
        Path big = java.nio.file.Files.writeString(dir.resolve("r.hea"), text);
        assertEquals(text, new String(HeaderFiles.readAll(big), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(1, HeaderParser.parse(big).signals().size());
    }
}
