package org.ecgsiglip.eval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.util.Quote;
import org.ecgsiglip.io.util.Sha256;

/** Checks and helpers shared by {@link ScoreMatrix} and {@link TruthMatrix}. */
final class Matrices {
    private Matrices() {
    }

    static void checkShape(List<String> recordIds, List<String> codes, int rows, IntRowLength width) {
        if (rows != recordIds.size()) {
            throw new IllegalArgumentException(recordIds.size() + " record ids but " + rows + " rows");
        }
        for (int r = 0; r < rows; r++) {
            if (width.of(r) != codes.size()) {
                throw new IllegalArgumentException("row " + r + " (record " + recordIds.get(r) + ") has "
                        + width.of(r) + " values but there are " + codes.size() + " findings");
            }
        }
        checkUnique(recordIds, "record id");
        checkUnique(codes, "finding code");
    }

    private static void checkUnique(List<String> names, String what) {
        Map<String, Integer> seen = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            String s = names.get(i);
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("empty " + what + " at position " + i);
            }
            Integer before = seen.putIfAbsent(s, i);
            if (before != null) {
                throw new IllegalArgumentException("duplicate " + what + " " + Quote.of(s) + " at positions " + before
                        + " and " + i + " (0-based)");
            }
        }
    }

    /** Position of each name. */
    static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> m = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), i);
        }
        return m;
    }

    /** Order-sensitive digest of ids, codes and values. */
    static MessageDigest header(List<String> recordIds, List<String> codes) {
        MessageDigest md = Sha256.newDigest();
        for (String id : recordIds) {
            md.update(id.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        md.update((byte) 0);
        for (String c : codes) {
            md.update(c.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        md.update((byte) 0);
        return md;
    }

    static void update(MessageDigest md, double[] row) {
        ByteBuffer b = ByteBuffer.allocate(8 * row.length);
        for (double v : row) {
            b.putDouble(v);
        }
        md.update(b.array());
    }

    @FunctionalInterface
    interface IntRowLength {
        int of(int row);
    }
}
