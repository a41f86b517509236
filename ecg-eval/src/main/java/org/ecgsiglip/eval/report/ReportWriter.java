package org.ecgsiglip.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.io.util.AtomicFiles;

/** Writes every report of an evaluation or comparison into a folder, each file atomically. */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes metrics.json, metrics.csv, averages.csv, report.md and report.html into {@code dir}
     * (created when missing), and calibration.csv (every reliability curve) when the evaluation
     * has a calibration.
     *
     * @return the files written, in that order
     */
    public static List<Path> writeAll(Evaluation e, Path dir) {
        List<Path> out = new ArrayList<>();
        write(out, dir.resolve("metrics.json"), JsonReport.toJson(e));
        write(out, dir.resolve("metrics.csv"), CsvReport.perFinding(e));
        write(out, dir.resolve("averages.csv"), CsvReport.averages(e));
        write(out, dir.resolve("report.md"), MarkdownReport.of(e));
        write(out, dir.resolve("report.html"), HtmlReport.of(e));
        if (e.calibration().isPresent()) {
            write(out, dir.resolve("calibration.csv"), CsvReport.reliability(e));
        }
        return out;
    }

    /**
     * Writes comparison.json, comparison.csv, comparison-averages.csv, report.md and report.html
     * into {@code dir}.
     */
    public static List<Path> writeAll(PairedComparison c, Path dir) {
        List<Path> out = new ArrayList<>();
        write(out, dir.resolve("comparison.json"), JsonReport.toJson(c));
        write(out, dir.resolve("comparison.csv"), CsvReport.differences(c));
        write(out, dir.resolve("comparison-averages.csv"), CsvReport.averageDifferences(c));
        write(out, dir.resolve("report.md"), MarkdownReport.of(c));
        write(out, dir.resolve("report.html"), HtmlReport.of(c));
        return out;
    }

    private static void write(List<Path> out, Path file, String text) {
        AtomicFiles.writeString(file, text);
        out.add(file);
    }
}
