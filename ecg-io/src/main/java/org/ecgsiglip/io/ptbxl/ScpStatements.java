package org.ecgsiglip.io.ptbxl;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.Csv;
import org.ecgsiglip.io.util.Quote;

/** PTB-XL's {@code scp_statements.csv}: the 71 SCP-ECG statements and how they aggregate. */
public final class ScpStatements {
    private final Path file;
    private final Map<String, ScpStatement> byCode;

    private ScpStatements(Path file, Map<String, ScpStatement> byCode) {
        this.file = file;
        this.byCode = byCode;
    }

    /** Reads {@code scp_statements.csv}. */
    public static ScpStatements read(Path file) {
        Csv csv = Csv.read(file);
        int desc = csv.column("description");
        int diag = csv.column("diagnostic");
        int form = csv.column("form");
        int rhythm = csv.column("rhythm");
        int cls = csv.column("diagnostic_class");
        int sub = csv.column("diagnostic_subclass");
        int cat = csv.column("Statement Category");
        Map<String, ScpStatement> m = new LinkedHashMap<>();
        Map<String, Integer> lines = new java.util.HashMap<>();
        for (Csv.Row row : csv.rows()) {
            String code = csv.field(row, 0, "statement code").strip();
            if (code.isEmpty()) {
                throw new DatasetException(file, "line " + row.line() + ", first column", "statement code is empty",
                        "use PTB-XL's original scp_statements.csv");
            }
            ScpStatement s = new ScpStatement(code, csv.field(row, desc, "description").strip(),
                    flag(csv, row, diag, "diagnostic"), flag(csv, row, form, "form"), flag(csv, row, rhythm, "rhythm"),
                    csv.field(row, cls, "diagnostic_class").strip(), csv.field(row, sub, "diagnostic_subclass").strip(),
                    csv.field(row, cat, "Statement Category").strip());
            Integer before = lines.putIfAbsent(code, row.line());
            if (before != null) {
                throw new DatasetException(file, "line " + row.line(), "statement " + Quote.of(code)
                        + " appears twice, on lines " + before + " and " + row.line(),
                        "use PTB-XL's original scp_statements.csv");
            }
            m.put(code, s);
        }
        return new ScpStatements(file, m);
    }

    private static boolean flag(Csv csv, Csv.Row row, int col, String name) {
        String v = csv.field(row, col, name).strip();
        if (v.isEmpty() || v.equals("0") || v.equals("0.0")) {
            return false;
        }
        if (v.equals("1") || v.equals("1.0")) {
            return true;
        }
        throw new DatasetException(csv.file(), "line " + row.line() + ", column " + name, Quote.of(v)
                + " is neither empty, 0 nor 1", "use PTB-XL's original scp_statements.csv");
    }

    /** The statement with this code, if any. */
    public Optional<ScpStatement> get(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All statements in file order. */
    public Collection<ScpStatement> all() {
        return byCode.values();
    }

    /** The file read. */
    public Path file() {
        return file;
    }
}
