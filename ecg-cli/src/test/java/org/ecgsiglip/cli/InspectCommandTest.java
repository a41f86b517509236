package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.ecgsiglip.cli.inspect.Inspection;
import org.ecgsiglip.cli.inspect.KnownFindings;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.Leads;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ptbxlRecordHeaderFindingsAndPlot() throws Exception {
        Path record = TestData.sample().resolve("records100/00000/00001_lr");
        Path png = tmp.resolve("ecg.png");
        ExportCommandTest.Outcome o = ExportCommandTest.execute(new InspectCommand(), "--record", record + ".hea",
                "--png", png.toString());
        assertEquals(0, o.exit(), o.err());
        // record line "00001_lr 12 100 1000", lead I "... 16 0 -119 1508 0 I"
        assertTrue(o.out().contains("12 signals at 100 Hz, 1000 samples = 10.000 s"), o.out());
        assertTrue(o.out().matches("(?s).*\\n\\s+0\\s+I\\s+00001_lr\\.dat\\s+16\\s+1000\\s+0\\s+mV\\s+16\\s+0\\s+-119\\s+1508.*"),
                o.out());
        // ptbxl_database.csv row of ecg_id 1: {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}, patient 15709, fold 3
        assertTrue(o.out().contains("ecg_id           1\n") && o.out().contains("patient_id       15709")
                && o.out().contains("strat_fold       3") && o.out().contains("superdiagnostic  NORM (normal ECG)"), o.out());
        assertTrue(o.out().matches("(?s).*NORM\\s+100\\s+normal ECG.*LVOLT\\s+0\\s+low QRS.*SR\\s+0\\s+sinus rhythm.*"),
                o.out());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1350, image.getWidth());
        assertEquals(950, image.getHeight());
        // calibration pulse of the first row: 1 mV = 10 mm above its baseline at 45 mm, i.e. y = 35 mm = 175 px
        assertTrue(dark(image.getRGB(50, 175)));
        // the rhythm strip (lead II, baseline 165 mm) peaks where the record says: x = (15 + t * 25) mm, y = (165 - v * 10) mm
        EcgRecord r = RecordReader.read(record);
        float[] ii = r.signals()[Leads.indexOf(r.leadNames(), "II").getAsInt()];
        int peak = 0;
        for (int i = 1; i < ii.length; i++) {
            peak = ii[i] > ii[peak] ? i : peak;
        }
        int x = (int) Math.round((15 + peak / 100.0 * 25) * 5);
        int expectedTop = (int) Math.round((165 - ii[peak] * 10) * 5);
        int top = -1;
        for (int y = 825 - 190; y < 825 + 190 && top < 0; y++) {
            top = dark(image.getRGB(x, y)) ? y : -1;
        }
        assertEquals(expectedTop, top, 3.0, "peak of lead II at sample " + peak);
    }

    @Test
    void cincFindingsFromDx() {
        Inspection i = InspectCommand.run(TestData.cincFixtures().resolve("E07500"), Optional.empty(), 0, null);
        KnownFindings f = i.findings().orElseThrow();
        // E07500.hea: #Age: 78, #Sex: Male, #Dx: 67741000119109,426177001
        assertEquals("67741000119109", f.items().get(0).code());
        assertEquals("426177001", f.items().get(1).code());
        assertEquals("sinus bradycardia", f.items().get(1).text().toLowerCase(java.util.Locale.ROOT));
        assertEquals("78", f.facts().get("age"));
        assertTrue(i.text().contains("#Dx: 67741000119109,426177001"), i.text());
    }

    @Test
    void recordOutsideTheTreeIsFoundWithPtbxlRoot() throws Exception {
        for (String suffix : new String[] {".hea", ".dat"}) {
            Files.copy(TestData.sample().resolve("records100/00000/00002_lr" + suffix), tmp.resolve("00002_lr" + suffix));
        }
        Inspection alone = InspectCommand.run(tmp.resolve("00002_lr"), Optional.empty(), 0, null);
        assertTrue(alone.findings().isEmpty());
        assertTrue(alone.text().contains("none known"));
        Inspection found = InspectCommand.run(tmp.resolve("00002_lr"), Optional.empty(), 0, TestData.sample());
        assertEquals("2", found.findings().orElseThrow().facts().get("ecg_id"));
    }

    @Test
    void fewerLeadsAreDrawnAsStrips() throws Exception {
        Path png = tmp.resolve("3000003_0003.png");
        Inspection i = InspectCommand.run(TestData.wfdbFixtures().resolve("3000003_0003"), Optional.of(png), 2, null);
        assertTrue(i.text().contains("II") && i.text().contains("80"), i.text());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((10 + 20 + 2 * 40) * 5, image.getHeight());
    }

    @Test
    void badInputIsTyped() {
        EcgException missing = assertThrows(EcgException.class,
                () -> InspectCommand.run(tmp.resolve("nope"), Optional.empty(), 0, null));
        assertTrue(missing.getMessage().contains("nope.hea") && missing.getMessage().contains("Fix:"));
        Path record = TestData.sample().resolve("records100/00000/00001_lr");
        ConfigurationException late = assertThrows(ConfigurationException.class,
                () -> InspectCommand.run(record, Optional.of(tmp.resolve("x.png")), 12, null));
        assertTrue(late.getMessage().contains("10.00 s"), late.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x.png")));
        ExportCommandTest.Outcome help = ExportCommandTest.execute(new InspectCommand(), "--help");
        assertTrue(help.out().contains("Examples:"), help.out());
        assertEquals(2, ExportCommandTest.execute(new InspectCommand()).exit());
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 90 && g < 90 && b < 90;
    }
}
