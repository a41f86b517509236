package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * The challenge's comment lines of one record header: {@code #Age: 78}, {@code #Sex: Male},
 * {@code #Dx: 164889003,426783006}.
 *
 * @param file the header file
 * @param age age in years, NaN when unknown ({@code NaN}, {@code Unknown} or absent)
 * @param sex the {@code #Sex} text as written ({@code Male}, {@code Female}, ...), empty when absent
 * @param dx the SNOMED-CT codes of {@code #Dx} in order; empty entries ({@code a,,b}) left out
 * @param emptyEntries number of empty entries left out of {@code dx}
 * @param dxLine 1-based comment number of the {@code #Dx} line, for messages
 */
public record CincHeader(Path file, double age, String sex, List<String> dx, int emptyEntries, int dxLine) {

    public CincHeader {
        dx = List.copyOf(dx);
    }

    /** Reads the comments of a parsed header; a missing or empty {@code #Dx} is a typed error. */
    public static CincHeader of(WfdbHeader header) {
        double age = Double.NaN;
        String sex = "";
        List<String> dx = null;
        int empty = 0;
        int dxLine = -1;
        List<String> comments = header.comments();
        for (int i = 0; i < comments.size(); i++) {
            String c = comments.get(i).strip();
            int colon = c.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = c.substring(0, colon).strip();
            String value = c.substring(colon + 1).strip();
            switch (key) {
                case "Age" -> age = parseAge(value);
                case "Sex" -> sex = value;
                case "Dx" -> {
                    dx = new ArrayList<>();
                    dxLine = i + 1;
                    for (String part : value.split(",", -1)) {
                        String p = part.strip();
                        if (p.isEmpty()) {
                            empty++;
                        } else {
                            dx.add(p);
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (dx == null) {
            throw new DatasetException(header.file(), "comment lines", "no #Dx line", "a CinC header names its"
                    + " diagnoses as '#Dx: <SNOMED-CT codes separated by commas>'; add it or remove the record");
        }
        if (dx.isEmpty()) {
            throw new DatasetException(header.file(), "comment " + dxLine + " (#Dx)", "empty finding set",
                    "give at least one SNOMED-CT code on the #Dx line or remove the record");
        }
        return new CincHeader(header.file(), age, sex, dx, empty, dxLine);
    }

    private static double parseAge(String v) {
        try {
            double a = Double.parseDouble(v);
            return a >= 0 && a < 150 ? a : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
