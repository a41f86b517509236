package org.ecgsiglip.spark;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Writes a scores folder as the S.csv that {@code ecg evaluate --scores} reads, byte for byte the
 * layout of {@code ecg predict}: header {@code record_id,<code1>,...}, one line per scored record in
 * manifest order, each probability as Java's shortest round-tripping decimal of the float32 value
 * widened to double. Error rows have no scores and are left out (and counted). Record ids must be
 * unique, as {@code ecg evaluate} requires; a repeated one is refused with both rows named. Rows are
 * streamed from Spark one partition at a time, so the driver never holds the whole table.
 */
public final class ScoresCsv {
    private ScoresCsv() {
    }

    /** What was written. */
    public record Result(Path csv, long records, long errorRowsSkipped, List<String> codes) {
    }

    public static Result write(SparkSession spark, Path scores, Path csv) {
        Path dir = scores.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(OutputFolder.PROVENANCE))) {
            throw new EcgException(dir, null, "not a scores folder written by 'ecg spark score' (no "
                    + OutputFolder.PROVENANCE + ")", "point --scores at the --out of 'ecg spark score'");
        }
        Dataset<Row> table = spark.read().parquet(dir.toUri().toString());
        List<String> codes = ScoreSchema.codes(table.schema(), dir);
        long[] counts = new long[2];
        AtomicFiles.write(csv, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder("record_id");
            for (String c : codes) {
                line.append(',').append(c);
            }
            w.append(line).append('\n');
            Map<String, Long> seen = new HashMap<>();
            Iterator<Row> it = table.sort(ScoreSchema.ROW).toLocalIterator();
            int first = ScoreSchema.firstFinding();
            while (it.hasNext()) {
                Row r = it.next();
                if (!r.isNullAt(3)) {
                    counts[1]++;
                    continue;
                }
                String id = r.getString(1);
                Long before = seen.put(id, r.getLong(0));
                if (before != null) {
                    throw new EcgException(dir, "rows " + before + " and " + r.getLong(0), "record id '" + id
                            + "' appears twice; ecg evaluate needs one row per record",
                            "score a manifest that names each record once");
                }
                line.setLength(0);
                line.append(id);
                for (int k = 0; k < codes.size(); k++) {
                    line.append(',').append((double) r.getFloat(first + k));
                }
                w.append(line).append('\n');
                counts[0]++;
            }
            w.flush();
        });
        return new Result(csv, counts[0], counts[1], codes);
    }
}
