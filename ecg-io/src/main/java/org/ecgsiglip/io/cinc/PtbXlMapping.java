package org.ecgsiglip.io.cinc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.ecgsiglip.io.util.Csv;

/**
 * Which PTB-XL SCP-ECG statements stand for which CinC 2021 scored class: the table
 * {@code org/ecgsiglip/io/cinc/ptbxl-scp-to-cinc2021.csv} (its header comment says how it was made
 * and checked), or a user's table of the same form ({@code scp_code,snomed_code,basis}, {@code #}
 * comment lines). A PTB-XL vocabulary code counts as a statement when it is one by name: at the
 * subdiagnostic level {@code NORM}, {@code CLBBB}, {@code CRBBB}, {@code IRBBB} and {@code IVCD}
 * are, at the superdiagnostic level {@code NORM}, and each of those groups holds that one statement
 * alone (a test checks this against {@code scp_statements.csv}).
 * Scored classes without any counterpart in a vocabulary are the ones a PTB-XL model can only
 * reach zero-shot, through their texts.
 */
public final class PtbXlMapping {
    /** The bundled table's resource name, relative to this class. */
    public static final String RESOURCE = "/org/ecgsiglip/io/cinc/ptbxl-scp-to-cinc2021.csv";

    /**
     * One row of the table.
     *
     * @param scpCode the PTB-XL statement, e.g. {@code CLBBB}
     * @param snomedCode the SNOMED-CT code it maps to, e.g. {@code 164909002}
     * @param cincCode the canonical code of that code's scored class, e.g. {@code 733534002}
     * @param basis why the row holds: {@code challenge} or {@code clinical} (see the table)
     */
    public record Entry(String scpCode, String snomedCode, String cincCode, String basis) {
    }

    private final List<Entry> entries;

    private PtbXlMapping(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with the toolkit. */
    public static PtbXlMapping bundled() {
        try (InputStream in = PtbXlMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the ecg-io jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(RESOURCE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE, e);
        }
    }

    /** Reads a table of the bundled table's form. */
    public static PtbXlMapping read(Path csv) {
        try {
            return parse(Files.readString(csv, StandardCharsets.UTF_8), csv);
        } catch (IOException e) {
            throw new DatasetException(csv, null, "cannot read mapping table: " + e.getMessage(),
                    "check the path and the file's permissions", e);
        }
    }

    private static PtbXlMapping parse(String text, Path source) {
        // comment lines become empty lines, which the CSV reader skips, so line numbers stay right
        String body = text.lines().map(l -> l.startsWith("#") ? "" : l).reduce((a, b) -> a + "\n" + b).orElse("");
        Csv csv = Csv.parse(body, source);
        int scp = csv.column("scp_code");
        int snomed = csv.column("snomed_code");
        int basis = csv.column("basis");
        FindingsVocabulary cinc = CincVocabularies.frozen(false);
        FindingsVocabulary statements = PtbXlVocabularies.frozen(LabelLevel.ALL);
        List<Entry> out = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (Csv.Row row : csv.rows()) {
            String s = csv.field(row, scp, "scp_code").strip();
            String c = csv.field(row, snomed, "snomed_code").strip();
            String b = csv.field(row, basis, "basis").strip();
            if (statements.find(s).isEmpty()) {
                throw new DatasetException(source, "line " + row.line() + ", column scp_code", "'" + s
                        + "' is not one of PTB-XL's 71 SCP statements", "use a code of scp_statements.csv");
            }
            OptionalInt cls = cinc.find(c);
            if (cls.isEmpty()) {
                throw new DatasetException(source, "line " + row.line() + ", column snomed_code", "'" + c
                        + "' is not a code of the 26 scored CinC 2021 classes", "use a code of dx_mapping_scored.csv");
            }
            String canonical = cinc.get(cls.getAsInt()).code();
            if (!pairs.add(s + "->" + canonical)) {
                throw new DatasetException(source, "line " + row.line(), s + " is mapped to class " + canonical
                        + " twice", "keep one row per statement and class");
            }
            out.add(new Entry(s, c, canonical, b));
        }
        return new PtbXlMapping(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * For each scored class (in the order of {@code cinc2021-scored}) that has a counterpart among
     * {@code ptbxlCodes}, those codes in their given order; classes without one are left out.
     */
    public Map<String, List<String>> counterparts(List<String> ptbxlCodes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String cls : CincVocabularies.frozen(false).codes()) {
            List<String> codes = new ArrayList<>();
            for (String code : ptbxlCodes) {
                if (entries.stream().anyMatch(e -> e.cincCode().equals(cls) && e.scpCode().equals(code))) {
                    codes.add(code);
                }
            }
            if (!codes.isEmpty()) {
                out.put(cls, List.copyOf(codes));
            }
        }
        return out;
    }

    /** {@link #counterparts(List)} over the frozen PTB-XL vocabulary of {@code level}. */
    public Map<String, List<String>> counterparts(LabelLevel level) {
        return counterparts(PtbXlVocabularies.frozen(level).codes());
    }

    /** The scored classes with no counterpart among {@code ptbxlCodes}, in vocabulary order. */
    public List<Finding> zeroShot(List<String> ptbxlCodes) {
        Map<String, List<String>> mapped = counterparts(ptbxlCodes);
        return CincVocabularies.frozen(false).findings().stream().filter(f -> !mapped.containsKey(f.code())).toList();
    }

    /** {@link #zeroShot(List)} at a PTB-XL label level. */
    public List<Finding> zeroShot(LabelLevel level) {
        return zeroShot(PtbXlVocabularies.frozen(level).codes());
    }
}
