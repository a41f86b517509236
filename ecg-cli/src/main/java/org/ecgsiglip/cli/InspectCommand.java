package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.inspect.EcgPlot;
import org.ecgsiglip.cli.inspect.Inspection;
import org.ecgsiglip.cli.inspect.KnownFindings;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.WfdbHeader;
import org.ecgsiglip.io.wfdb.WfdbReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg inspect --record PATH [--png FILE] [--start SECONDS] [--ptbxl ROOT]}: a record's header
 * fields (record line, every signal's fields, comments), the findings its dataset gives it, and
 * optionally a 12-lead plot in the clinical layout as PNG. Only the header is read unless a plot is
 * asked for.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a record's header fields and known findings; draw it as a 12-lead ECG (PNG).",
        footer = {"", "Examples:",
            "  ecg inspect --record data/ptb-xl-sample/records100/00000/00001_lr",
            "  ecg inspect --record data/ptb-xl-sample/records100/00000/00001_lr.hea --png 00001.png",
            "  ecg inspect --record cinc2021/E07500 --png E07500.png --start 2.5",
            "Findings come from ptbxl_database.csv when the record lies in a PTB-XL tree (or --ptbxl ROOT),",
            "else from a CinC header's #Dx line."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--record", required = true, paramLabel = "PATH", description = "Record path, with or without .hea.")
    Path record;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the plot here.")
    Path png;

    @Option(names = "--start", paramLabel = "SECONDS", defaultValue = "0",
            description = "Where the 10 s plotted start (default ${DEFAULT-VALUE}).")
    double start;

    @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL folder to look the record up in "
            + "(default: searched above the record).")
    Path ptbxl;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(run(record, Optional.ofNullable(png), start, ptbxl).text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Parses the header, looks the findings up, and draws the plot when {@code png} is given. */
    public static Inspection run(Path record, Optional<Path> png, double startSeconds, Path ptbxlRoot) {
        if (!(startSeconds >= 0)) {
            throw new ConfigurationException("--start", "must be 0 or more seconds, not " + startSeconds, "e.g. --start 0");
        }
        Path headerFile = WfdbReader.headerPath(record);
        WfdbHeader header = HeaderParser.parse(headerFile);
        Optional<KnownFindings> findings = KnownFindings.of(header, headerFile, ptbxlRoot);
        if (png.isPresent()) {
            EcgRecord r = RecordReader.read(headerFile);
            double seconds = r.length() / r.samplingFrequency();
            if (startSeconds >= seconds) {
                throw new ConfigurationException("--start", String.format(Locale.ROOT, "the record lasts %.2f s, "
                        + "so nothing is left after %.2f s", seconds, startSeconds), "choose a start before the end");
            }
            List<String> caption = new ArrayList<>();
            caption.add(String.format(Locale.ROOT, "%s   %s Hz   %.1f-%.1f s of %.1f s", r.recordId(),
                    trim(r.samplingFrequency()), startSeconds, Math.min(seconds, startSeconds + EcgPlot.SECONDS), seconds));
            findings.ifPresent(f -> caption.add(summary(f)));
            AtomicFiles.writeBytes(png.get(), EcgPlot.png(r, startSeconds, caption));
        }
        return new Inspection(header, findings, png);
    }

    private static String summary(KnownFindings f) {
        List<String> parts = new ArrayList<>();
        f.items().forEach(i -> parts.add(i.text().isEmpty() ? i.code() : i.code() + " " + i.text()));
        String s = String.join("; ", parts);
        return s.length() > 150 ? s.substring(0, 147) + "..." : s;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
