package org.ecgsiglip.cli.inspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.io.cinc.CincHeader;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlDatabase;
import org.ecgsiglip.io.ptbxl.PtbXlRow;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.ecgsiglip.io.ptbxl.ScpStatement;
import org.ecgsiglip.io.ptbxl.ScpStatements;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * The findings a dataset gives a record, when it gives any: the SCP-ECG statements (with their
 * likelihoods) of the record's row in PTB-XL's {@code ptbxl_database.csv}, or the SNOMED-CT codes of a
 * CinC header's {@code #Dx} line.
 *
 * @param source where they come from, in words (file and line, or the header's {@code #Dx})
 * @param facts other facts of the source (ecg_id, patient, fold, superclasses)
 * @param items the findings, most certain first
 */
public record KnownFindings(String source, Map<String, String> facts, List<Item> items) {

    /** How many folders above the record a PTB-XL root is searched for. */
    private static final int SEARCH_DEPTH = 4;

    public KnownFindings {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        items = List.copyOf(items);
    }

    /**
     * One finding.
     *
     * @param code its code as the source writes it
     * @param likelihood PTB-XL's likelihood in percent as written, or empty
     * @param text what it means, or empty when the code is not described anywhere known
     */
    public record Item(String code, String likelihood, String text) {
    }

    /**
     * The findings of the record whose header is {@code header}: from PTB-XL when the record lies in a
     * PTB-XL tree ({@code ptbxlRoot}, or a folder above the record holding ptbxl_database.csv and
     * scp_statements.csv) and is listed there; else from a CinC {@code #Dx} line; else none.
     */
    public static Optional<KnownFindings> of(WfdbHeader header, Path headerFile, Path ptbxlRoot) {
        Path root = ptbxlRoot != null ? ptbxlRoot : findPtbXlRoot(headerFile);
        if (root != null) {
            Optional<KnownFindings> ptbxl = ptbxl(root, headerFile);
            if (ptbxl.isPresent()) {
                return ptbxl;
            }
        }
        return cinc(header);
    }

    static Path findPtbXlRoot(Path headerFile) {
        Path dir = headerFile.toAbsolutePath().normalize().getParent();
        for (int i = 0; dir != null && i <= SEARCH_DEPTH; i++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ptbxl_database.csv")) && Files.isRegularFile(dir.resolve(
                    "scp_statements.csv"))) {
                return dir;
            }
        }
        return null;
    }

    static Optional<KnownFindings> ptbxl(Path root, Path headerFile) {
        Path record = headerFile.toAbsolutePath().normalize();
        String name = record.getFileName().toString().replaceFirst("\\.hea$", "");
        Path absRoot = root.toAbsolutePath().normalize();
        String rel = record.startsWith(absRoot)
                ? absRoot.relativize(record.resolveSibling(name)).toString().replace('\\', '/') : null;
        Path table = root.resolve("ptbxl_database.csv");
        PtbXlRow row = null;
        for (PtbXlRow r : PtbXlDatabase.read(table)) {
            boolean samePath = rel != null && (rel.equals(r.filenameLr()) || rel.equals(r.filenameHr()));
            boolean sameName = rel == null && (r.filenameLr().endsWith("/" + name) || r.filenameHr().endsWith("/" + name));
            if (samePath || sameName) {
                row = r;
                break;
            }
        }
        if (row == null) {
            return Optional.empty();
        }
        ScpStatements statements = ScpStatements.read(root.resolve("scp_statements.csv"));
        List<Item> items = new ArrayList<>();
        row.scpCodes().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> items.add(new Item(e.getKey(), String.format(Locale.ROOT, "%.0f", e.getValue()),
                        statements.get(e.getKey()).map(ScpStatement::description).orElse(""))));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("ecg_id", Integer.toString(row.ecgId()));
        facts.put("patient_id", row.patientId());
        facts.put("strat_fold", Integer.toString(row.fold()));
        List<String> classes = new ArrayList<>();
        for (String c : LabelLevel.SUPERDIAGNOSTIC.labels(row.scpCodes(), statements)) {
            classes.add(c + " (" + PtbXlVocabularies.SUPERCLASS_TEXTS.getOrDefault(c, c) + ")");
        }
        facts.put("superdiagnostic", classes.isEmpty() ? "none" : String.join(", ", classes.stream().sorted().toList()));
        return Optional.of(new KnownFindings("PTB-XL " + table + " line " + row.line(), facts, items));
    }

    static Optional<KnownFindings> cinc(WfdbHeader header) {
        boolean hasDx = header.comments().stream().anyMatch(c -> c.strip().startsWith("Dx:"));
        if (!hasDx) {
            return Optional.empty();
        }
        CincHeader cinc = CincHeader.of(header);
        FindingsVocabulary known = CincVocabularies.frozen(true);
        List<Item> items = new ArrayList<>();
        for (String code : cinc.dx()) {
            String text = known.find(code).isPresent() ? known.get(known.find(code).getAsInt()).text() : "";
            items.add(new Item(code, "", text));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("age", Double.isNaN(cinc.age()) ? "unknown" : String.format(Locale.ROOT, "%.0f", cinc.age()));
        facts.put("sex", cinc.sex().isEmpty() ? "unknown" : cinc.sex());
        return Optional.of(new KnownFindings("CinC #Dx of " + header.file(), facts, items));
    }
}
