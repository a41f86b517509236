package org.ecgsiglip.io.cinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.mat.Mat4File;
import org.ecgsiglip.io.mat.Mat4Header;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.WfdbReader;
import org.junit.jupiter.api.Test;

class CincTest {
    @Test
    void all48RecordsLoadWithFindingsAndDecode() {
        LabeledDataset ds = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.INCLUDE, true));
        assertEquals(48, ds.size());
        assertEquals(1, ds.report().codesIgnored(), "JS20006's 251238007 is in neither mapping");
        assertTrue(ds.report().notes().stream().anyMatch(n -> n.startsWith("JS20005: 1 empty #Dx entry")));
        for (LabeledRecord r : ds.records()) {
            assertTrue(r.findingCount() > 0);
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(12, e.leadCount());
            assertEquals(5000, e.length());
            assertEquals(500.0, e.samplingFrequency());
        }
    }

    @Test
    void scoredOnlyDropsRecordsWithoutScoredFindingAndMergesEquivalents() {
        LabeledDataset ds = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.DROP, true));
        assertEquals(46, ds.size(), "E07505 and E07519 hold only 164873001 (unscored)");
        assertEquals(2, ds.report().droppedNoFinding());
        LabeledRecord js5 = ds.records().stream().filter(r -> r.recordId().equals("JS20005")).findFirst().orElseThrow();
        // #Dx: 284470004 (PAC), 89792004 (unscored), 427084000 (STach), '', 427172004 (PVC)
        int[] expected = {ds.vocabulary().indexOf("284470004"), ds.vocabulary().indexOf("427084000"),
                ds.vocabulary().indexOf("17338001")};
        Arrays.sort(expected);
        assertEquals(Arrays.toString(expected), Arrays.toString(js5.findings()));
    }

    @Test
    void unknownCodeFailsByDefaultNamingRecordAndCode() {
        DatasetException e = assertThrows(DatasetException.class, () -> Cinc.load(TestData.cinc2021()));
        assertTrue(e.getMessage().contains("JS20006") && e.getMessage().contains("251238007"), e.getMessage());
        assertTrue(e.fix().contains("--ignore-unknown-codes"));
    }

    @Test
    void unscoredCanBeRefused() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.FAIL, true)));
        assertTrue(e.getMessage().contains("unscored code"), e.getMessage());
    }

    @Test
    void headerCommentsAndQuirks() {
        CincHeader h = CincHeader.of(HeaderParser.parse(TestData.cinc2021().resolve("E07500.hea")));
        assertEquals(78.0, h.age());
        assertEquals("Male", h.sex());
        assertEquals(java.util.List.of("67741000119109", "426177001"), h.dx());
        assertEquals("E07500", HeaderParser.parse(TestData.cinc2021().resolve("E07500.hea")).baseName());
        assertEquals("1000/mv".substring(5), RecordReader.read(TestData.cinc2021().resolve("HR06001")).units().get(0));
    }

    @Test
    void matFileAgreesWithWfdbView() {
        var path = TestData.cinc2021().resolve("E07500.mat");
        Mat4Header h = Mat4File.readHeader(path);
        assertEquals("val", h.name());
        assertEquals(12, h.rows());
        assertEquals(5000, h.columns());
        assertEquals(Mat4Header.Precision.INT16, h.precision());
        assertEquals(24, h.dataOffset());
        double[][] m = Mat4File.readMatrix(path);
        var d = WfdbReader.readDigital(HeaderParser.parse(TestData.cinc2021().resolve("E07500.hea")), true);
        for (int s = 0; s < 12; s++) {
            for (int i = 0; i < 5000; i += 37) {
                assertEquals(m[s][i], d.samples()[s][i]);
            }
        }
        double[][] a103 = Mat4File.readMatrix(TestData.wfdbSamples().resolve("a103l.mat"));
        assertEquals(-171, a103[0][0]);
        assertEquals(9127, a103[1][0]);
        assertEquals(6042, a103[2][0]);
    }
}
