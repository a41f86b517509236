package org.ecgsiglip.io.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.SignalSpec;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * The identity of a dataset's source files: SHA-256 over each record's id and, for its header and
 * every signal file the header names, the file name, size and modification time. Cheap to compute
 * (no signal bytes are read) and changed by any rewrite of a file.
 */
final class SourceIdentity {
    private SourceIdentity() {
    }

    static String of(LabeledDataset dataset) {
        MessageDigest md = Sha256.newDigest();
        for (LabeledRecord r : dataset.records()) {
            md.update((r.recordId() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files(r.recordPath())) {
                String line;
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    line = f.getFileName() + " " + a.size() + " " + a.lastModifiedTime().toMillis() + "\n";
                } catch (IOException e) {
                    line = f.getFileName() + " missing\n";
                }
                md.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Set<Path> files(Path record) {
        Path hea = record.resolveSibling(record.getFileName() + ".hea");
        Set<Path> out = new LinkedHashSet<>();
        out.add(hea);
        if (Files.isRegularFile(hea)) {
            WfdbHeader h = HeaderParser.parse(hea);
            for (SignalSpec s : h.signals()) {
                if (!s.isNull()) {
                    out.add(hea.resolveSibling(s.fileName()));
                }
            }
        }
        return out;
    }
}
