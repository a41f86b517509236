package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.Csv;

/**
 * One of the challenge's SNOMED-CT mapping tables ({@code dx_mapping_scored.csv} or
 * {@code dx_mapping_unscored.csv}): code, diagnosis text and abbreviation, in file order.
 */
public final class DxMapping {
    /** One row: SNOMED-CT code, the {@code Dx} text, the {@code Abbreviation}. */
    public record Entry(String code, String text, String abbreviation) {
    }

    private final Map<String, Entry> byCode;

    private DxMapping(Map<String, Entry> byCode) {
        this.byCode = byCode;
    }

    /** Reads a mapping table. */
    public static DxMapping read(Path file) {
        Csv csv = Csv.read(file);
        int dx = csv.column("Dx");
        int code = csv.column("SNOMEDCTCode");
        int abbr = csv.column("Abbreviation");
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Csv.Row row : csv.rows()) {
            String c = csv.field(row, code, "SNOMEDCTCode").strip();
            if (!c.matches("\\d+")) {
                throw new DatasetException(file, "line " + row.line() + ", column SNOMEDCTCode", "'" + c
                        + "' is not a SNOMED-CT code", "use the challenge's original mapping table");
            }
            Entry e = new Entry(c, csv.field(row, dx, "Dx").strip(), csv.field(row, abbr, "Abbreviation").strip());
            if (m.put(c, e) != null) {
                throw new DatasetException(file, "line " + row.line(), "code " + c + " appears twice",
                        "use the challenge's original mapping table");
            }
        }
        return new DxMapping(m);
    }

    /** The entry for a code, if the table has it. */
    public Optional<Entry> get(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every entry in file order. */
    public Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(byCode);
    }
}
