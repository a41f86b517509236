package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.Csv;

/**
 * The scored classes of the 2021 challenge, read from the header row of {@code weights.csv}: each
 * column is one class, written as one SNOMED-CT code or as equivalent codes joined by {@code |}
 * (e.g. {@code 733534002|164909002}, complete and plain left bundle branch block). The challenge's
 * scoring treats the codes of one column as the same class; so does this toolkit, keeping the first
 * code as the class's code.
 */
public final class ScoredClasses {
    private ScoredClasses() {
    }

    /** The classes, each a list of codes with the canonical code first, in the table's column order. */
    public static List<List<String>> read(Path weightsCsv) {
        Csv csv = Csv.read(weightsCsv);
        List<List<String>> classes = new ArrayList<>();
        List<String> header = csv.header();
        for (int i = 1; i < header.size(); i++) {
            List<String> codes = Arrays.stream(header.get(i).split("\\|")).map(String::strip).toList();
            for (String c : codes) {
                if (!c.matches("\\d+")) {
                    throw new DatasetException(weightsCsv, "line 1, column " + (i + 1), "'" + header.get(i)
                            + "' is not a SNOMED-CT code or codes joined by |", "use the challenge's original weights.csv");
                }
            }
            classes.add(codes);
        }
        if (classes.isEmpty()) {
            throw new DatasetException(weightsCsv, "line 1", "no classes in the header row",
                    "use the challenge's original weights.csv");
        }
        return classes;
    }
}
