package org.ecgsiglip.cli;

import java.io.BufferedWriter;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.wfdb.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg export --record PATH --out FILE.csv}: one record's signals as CSV in physical units.
 * Header row: the lead names as the record writes them; then one row per sample, one column per
 * lead; values with at least 6 significant digits (every digit of the float32 value is kept); an
 * invalid sample is an empty cell. The file is written atomically. Exit codes: 0 done, 1 bad input
 * (the message names file, field and fix), 2 bad command line.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write one record's signals as CSV (physical units, one column per lead).",
        footer = {"", "Examples:",
            "  ecg export --record data/ptb-xl/records100/00000/00001_lr --out 00001_lr.csv",
            "  ecg export --record data/cinc2021/E07500.hea --out E07500.csv",
            "  ecg export --record data/wfdb-samples/100 --from 0 --to 3600 --out 100-first-10s.csv",
            "  ecg export --record data/wfdb-samples/multi-segment/041s/041s --frames expand --out 041s.csv"})
public final class ExportCommand implements Callable<Integer> {

    /** What to export. {@code to} is -1 for the end of the record. */
    public record Request(Path record, Path out, long from, long to, ReadOptions.FrameMode frames, boolean verify) {
        /** The whole record, frames averaged, checksums verified. */
        public static Request of(Path record, Path out) {
            return new Request(record, out, 0, -1, ReadOptions.FrameMode.AVERAGE, true);
        }
    }

    /** What was written. */
    public record Result(Path out, String recordId, int leads, int samples, double samplingFrequency, long emptyCells) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--record", required = true, paramLabel = "PATH",
            description = "Record path, with or without .hea (WFDB, including .mat-backed CinC records).")
    Path record;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write.")
    Path out;

    @Option(names = "--from", defaultValue = "0", paramLabel = "N", description = "First sample (frame) to write (default 0).")
    long from;

    @Option(names = "--to", defaultValue = "-1", paramLabel = "N",
            description = "Sample (frame) to stop before; -1 for the end (default).")
    long to;

    @Option(names = "--frames", defaultValue = "average", paramLabel = "average|expand",
            description = "Signals with several samples per frame: average them per frame (default), or expand "
                    + "every signal to the highest rate.")
    String frames;

    @Option(names = "--no-verify", description = "Do not check the header's checksums and initial values.")
    boolean noVerify;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReadOptions.FrameMode mode;
        switch (frames.toLowerCase(java.util.Locale.ROOT)) {
            case "average" -> mode = ReadOptions.FrameMode.AVERAGE;
            case "expand" -> mode = ReadOptions.FrameMode.EXPAND;
            default -> {
                err.println("ecg export: --frames must be 'average' or 'expand', not '" + frames + "'");
                err.flush();
                return 2;
            }
        }
        if (from < 0 || (to >= 0 && to < from)) {
            err.println("ecg export: --from " + from + " --to " + to + " is not a sample range");
            err.flush();
            return 2;
        }
        try {
            Result r = run(new Request(record, out, from, to, mode, !noVerify));
            PrintWriter o = spec.commandLine().getOut();
            o.printf("wrote %s: %s, %d leads x %d samples at %s Hz%s%n", r.out(), r.recordId(), r.leads(), r.samples(),
                    BigDecimal.valueOf(r.samplingFrequency()).stripTrailingZeros().toPlainString(),
                    r.emptyCells() > 0 ? ", " + r.emptyCells() + " invalid samples left empty" : "");
            o.flush();
            return 0;
        } catch (EcgException | UncheckedIOException e) {
            err.println("ecg export: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Reads the record and writes the CSV. */
    public Result run(Request request) {
        EcgRecord rec = RecordReader.read(request.record(),
                new ReadOptions(request.from(), request.to(), request.frames(), request.verify()));
        long[] empty = new long[1];
        AtomicFiles.write(request.out(), stream -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            w.write(String.join(",", rec.leadNames().stream().map(ExportCommand::csvField).toList()));
            w.write('\n');
            float[][] s = rec.signals();
            for (int i = 0; i < rec.length(); i++) {
                for (int k = 0; k < s.length; k++) {
                    if (k > 0) {
                        w.write(',');
                    }
                    float v = s[k][i];
                    if (Float.isNaN(v)) {
                        empty[0]++;
                    } else {
                        w.write(format(v));
                    }
                }
                w.write('\n');
            }
            w.flush();
        });
        return new Result(request.out(), rec.recordId(), rec.leadCount(), rec.length(), rec.samplingFrequency(), empty[0]);
    }

    /**
     * The float's shortest exact decimal form, padded with zeros to at least 6 significant digits
     * ({@code -0.145} becomes {@code -0.145000}); plain notation between 1e-6 and 1e9.
     */
    static String format(float v) {
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        BigDecimal d = new BigDecimal(Float.toString(v));
        if (d.precision() < 6) {
            d = d.setScale(d.scale() + 6 - d.precision());
        }
        float a = Math.abs(v);
        return a == 0 || (a >= 1e-6f && a < 1e9f) ? d.toPlainString() : d.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

}
