package org.ecgsiglip.io.wfdb;

import java.util.OptionalInt;
import org.ecgsiglip.io.util.Quote;

/** Parses one signal line of a WFDB header into a {@link SignalSpec}; see {@link HeaderParser}. */
final class SignalLineParser {
    private SignalLineParser() {
    }

    static SignalSpec parse(HeaderParser.Cursor c) {
        String fileName = c.next("file name");
        if (fileName.length() > HeaderParser.MAX_NAME) {
            throw c.error("file name", "the signal file name has " + fileName.length() + " characters, more than the "
                    + HeaderParser.MAX_NAME + " a file name may have: " + Quote.of(fileName), HeaderParser.SPEC_FIX);
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.equals("..")) {
            throw c.error("file name", "signal file name " + Quote.of(fileName)
                    + " must be a plain name in the record's folder", HeaderParser.SPEC_FIX);
        }
        String fmtText = c.next("format");
        SignalFields.Format fm = SignalFields.format(fmtText);
        if (fm == null) {
            throw c.error("format", Quote.of(fmtText) + " is not a format like 16, 212x4, 16:3 or 16+24",
                    HeaderParser.SPEC_FIX);
        }
        int format = HeaderParser.parseInt(c, fm.code(), "format");
        if (!SignalFormat.isKnown(format)) {
            throw c.error("format", "unknown signal format " + format,
                    "WFDB signal formats are " + SignalFormat.knownCodes() + "; correct the header");
        }
        int spf = fm.samplesPerFrame() == null ? 1 : HeaderParser.parseInt(c, fm.samplesPerFrame(), "samples per frame");
        if (spf < 1) {
            throw c.error("samples per frame", "samples per frame must be at least 1, not " + spf, HeaderParser.SPEC_FIX);
        }
        int skew = fm.skew() == null ? 0 : HeaderParser.parseInt(c, fm.skew(), "skew");
        long offset = fm.offset() == null ? 0 : HeaderParser.parseLong(c, fm.offset(), "byte offset");
        double gain = 0;
        Integer baseline = null;
        String units = "mV";
        String g = c.nextOrNull();
        if (g != null) {
            SignalFields.Gain gm = SignalFields.gain(g);
            if (gm == null) {
                throw c.error("gain", Quote.of(g) + " is not a gain like 200, 200(1024) or 1000.0(0)/mV",
                        HeaderParser.SPEC_FIX);
            }
            gain = HeaderParser.parseDouble(c, gm.gain(), "gain");
            if (gm.baseline() != null) {
                baseline = HeaderParser.parseInt(c, gm.baseline(), "baseline");
            }
            if (gm.units() != null) {
                units = gm.units();
            }
        }
        if (gain < 0) {
            throw c.error("gain", "negative gain " + gain, HeaderParser.SPEC_FIX);
        }
        int resolution = optionalInt(c, "ADC resolution", 0);
        int adcZero = optionalInt(c, "ADC zero", 0);
        OptionalInt initial = optional(c, "initial value");
        OptionalInt checksum = optional(c, "checksum");
        int blockSize = optionalInt(c, "block size", 0);
        String description = c.rest();
        boolean gainGiven = gain != 0;
        return new SignalSpec(fileName, format, spf, skew, offset, gainGiven ? gain : SignalSpec.DEFAULT_GAIN,
                gainGiven, baseline == null ? adcZero : baseline, units, resolution, adcZero, initial, checksum,
                blockSize, description, c.line);
    }

    private static int optionalInt(HeaderParser.Cursor c, String field, int dflt) {
        return c.hasNext() ? c.nextInt(field) : dflt;
    }

    private static OptionalInt optional(HeaderParser.Cursor c, String field) {
        return c.hasNext() ? OptionalInt.of(c.nextInt(field)) : OptionalInt.empty();
    }
}
