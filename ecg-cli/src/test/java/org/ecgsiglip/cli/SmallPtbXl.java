package org.ecgsiglip.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.TestData;

/**
 * A small PTB-XL tree for tests, copied from the bundled PTB-XL sample ({@link TestData#sample()}): the
 * first records of chosen folds (in ecg_id order), their original rows of ptbxl_database.csv,
 * scp_statements.csv and the records' 100 Hz files, in the original layout.
 */
public final class SmallPtbXl {
    private SmallPtbXl() {
    }

    /**
     * @param perFold fold to the number of records to take from it
     * @return the new root
     */
    public static Path copy(Path target, Map<Integer, Integer> perFold) throws IOException {
        Path source = TestData.sample();
        List<String> lines = Files.readAllLines(source.resolve("ptbxl_database.csv"), StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        Map<Integer, Integer> taken = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] tail = line.substring(nthCommaFromEnd(line, 3) + 1).split(",");
            int fold = Integer.parseInt(tail[0]);
            if (taken.getOrDefault(fold, 0) < perFold.getOrDefault(fold, 0)) {
                taken.merge(fold, 1, Integer::sum);
                kept.add(line);
                for (String suffix : List.of(".hea", ".dat")) {
                    Path to = target.resolve(tail[1] + suffix);
                    Files.createDirectories(to.getParent());
                    Files.copy(source.resolve(tail[1] + suffix), to);
                }
            }
        }
        Files.createDirectories(target);
        Files.write(target.resolve("ptbxl_database.csv"), kept, StandardCharsets.UTF_8);
        Files.copy(source.resolve("scp_statements.csv"), target.resolve("scp_statements.csv"));
        return target;
    }

    private static int nthCommaFromEnd(String line, int n) {
        int at = line.length();
        for (int i = 0; i < n; i++) {
            at = line.lastIndexOf(',', at - 1);
        }
        return at;
    }
}
