package org.ecgsiglip.io.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.Leads;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.junit.jupiter.api.Test;

/** Every PTB-XL record loads with its findings and decodes with checksums verified. */
class PtbXlAllRecordsTest {
    @Test
    void all378SampleRecordsDecodeAt100Hz() {
        LabeledDataset ds = PtbXl.load(TestData.sample(), LabelLevel.ALL);
        assertEquals(378, ds.size());
        for (LabeledRecord r : ds.records()) {
            assertTrue(r.findingCount() > 0, r.recordId());
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(12, e.leadCount());
            assertEquals(1000, e.length());
            assertEquals(100.0, e.samplingFrequency());
            assertEquals(Leads.STANDARD_12, e.leadNames().stream().map(Leads::normalize).toList());
        }
    }

    @Test
    @ExtendedData
    void all3880RecordsDecodeAt100Hz() {
        LabeledDataset ds = PtbXl.load(TestData.ptbxl(), LabelLevel.ALL);
        assertEquals(3880, ds.size());
        long start = System.nanoTime();
        for (LabeledRecord r : ds.records()) {
            assertTrue(r.findingCount() > 0, r.recordId());
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(12, e.leadCount());
            assertEquals(1000, e.length());
            assertEquals(100.0, e.samplingFrequency());
            assertEquals(Leads.STANDARD_12, e.leadNames().stream().map(Leads::normalize).toList());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("decoded 3880 PTB-XL records (100 Hz) in %.2f s (%.0f records/s)%n", seconds, 3880 / seconds);
    }

    @Test
    @ExtendedData
    void the88RecordsAt500HzDecode() {
        LabeledDataset ds = PtbXl.load(TestData.ptbxl(), LabelLevel.ALL,
                PtbXl.Options.defaults().withSamplingRate(500).withSkipMissingRecords(true));
        assertEquals(88, ds.size());
        assertEquals(3880 - 88, ds.report().droppedMissingFile());
        for (LabeledRecord r : ds.records()) {
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(5000, e.length());
            assertEquals(500.0, e.samplingFrequency());
        }
        assertEquals(List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"),
                RecordReader.read(ds.records().get(0).recordPath()).leadNames());
    }
}
