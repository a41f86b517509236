package org.ecgsiglip.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.pipeline.CincCopies;

/**
 * A CinC folder for command tests: the 7 bundled records and, of each, copies at other rates and
 * lengths under other sources' names (CPSC 500 Hz 15 s, INCART 257 Hz 15 s, PTB 1000 Hz 6 s,
 * CPSC-extra 500 Hz 6 s): 35 records, all real signals resampled, with their source's {@code #Dx}.
 * JS20006 carries a code in neither mapping table, so loading needs {@code --ignore-unknown-codes}.
 */
public final class CincTree {
    private CincTree() {
    }

    public static Path write(Path root) throws IOException {
        Files.createDirectories(root);
        String[] ids = {"E07500", "E07501", "HR06002", "HR06003", "JS20000", "JS20005", "JS20006"};
        for (int i = 0; i < ids.length; i++) {
            Path source = TestData.cincFixtures().resolve(ids[i]);
            for (String suffix : List.of(".hea", ".mat")) {
                Files.copy(source.resolveSibling(ids[i] + suffix), root.resolve(ids[i] + suffix));
            }
            CincCopies.write(source, root, String.format("A%04d", i + 1), 500, 15, null);
            CincCopies.write(source, root, String.format("I%04d", i + 1), 257, 15, null);
            CincCopies.write(source, root, String.format("S%04d", i + 1), 1000, 6, null);
            CincCopies.write(source, root, String.format("Q%04d", i + 1), 500, 6, null);
        }
        return root;
    }
}
