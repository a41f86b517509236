package org.ecgsiglip.io.ptbxl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.Csv;
import org.ecgsiglip.io.util.Quote;

/** Reads PTB-XL's {@code ptbxl_database.csv} into {@link PtbXlRow}s, checking every field it uses. */
public final class PtbXlDatabase {
    private PtbXlDatabase() {
    }

    /** Reads and checks every row. */
    public static List<PtbXlRow> read(Path file) {
        Csv csv = Csv.read(file);
        int id = csv.column("ecg_id");
        int patient = csv.column("patient_id");
        int scp = csv.column("scp_codes");
        int fold = csv.column("strat_fold");
        int lr = csv.column("filename_lr");
        int hr = csv.column("filename_hr");
        List<PtbXlRow> rows = new ArrayList<>(csv.rows().size());
        Map<Integer, Integer> seen = new HashMap<>();
        for (Csv.Row row : csv.rows()) {
            int ecgId = integer(csv, row, id, "ecg_id");
            Integer before = seen.putIfAbsent(ecgId, row.line());
            if (before != null) {
                throw new DatasetException(file, "line " + row.line() + ", column ecg_id", "ecg_id " + ecgId
                        + " appears twice, on lines " + before + " and " + row.line(),
                        "remove one of the two rows");
            }
            String p = csv.field(row, patient, "patient_id").strip();
            if (p.endsWith(".0")) {
                p = p.substring(0, p.length() - 2);
            }
            int f = integer(csv, row, fold, "strat_fold");
            if (f < 1 || f > 10) {
                throw new DatasetException(file, "line " + row.line() + ", column strat_fold", "strat_fold " + f
                        + " is outside 1-10 (ecg_id " + ecgId + ")", "use PTB-XL's original strat_fold values");
            }
            var codes = ScpCodes.parse(csv.field(row, scp, "scp_codes"), file, row.line());
            if (codes.isEmpty()) {
                throw new DatasetException(file, "line " + row.line() + ", column scp_codes", "empty finding set {}"
                        + " for ecg_id " + ecgId, "every PTB-XL record has at least one SCP statement; restore the row"
                        + " from the original ptbxl_database.csv or remove it");
            }
            rows.add(new PtbXlRow(row.line(), ecgId, p.isEmpty() ? null : p, codes, f,
                    csv.field(row, lr, "filename_lr").strip(), csv.field(row, hr, "filename_hr").strip()));
        }
        return rows;
    }

    private static int integer(Csv csv, Csv.Row row, int col, String name) {
        String v = csv.field(row, col, name).strip();
        try {
            double d = Double.parseDouble(v);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new NumberFormatException(v);
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new DatasetException(csv.file(), "line " + row.line() + ", column " + name, Quote.of(v)
                    + " is not a whole number", "use PTB-XL's original " + name + " values");
        }
    }
}
