package org.ecgsiglip.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The columns of a manifest DataFrame and of the scores Parquet.
 *
 * <p>Manifest: {@code row} (long, the position in the manifest), {@code record_id}, {@code path}.
 *
 * <p>Scores: the same three, then {@code error} (null when the record was scored, else the reason
 * it could not be), then <b>one float column per finding</b>, named by its code, in vocabulary
 * order, holding σ(logit) (null on an error row). Each finding column carries Spark field metadata
 * {@code finding_index} and {@code finding_text}, which Spark stores in the Parquet footer. One column
 * per finding rather than an array: a reader selects or filters a finding by name
 * ({@code WHERE CLBBB > 0.5}), Parquet prunes the columns it does not read, and the file names its own
 * vocabulary without a side table. The values are the model's float32 outputs unchanged;
 * widened to double they equal {@code Predictor.scoreRecords}'s.
 */
public final class ScoreSchema {
    public static final String ROW = "row";
    public static final String RECORD_ID = "record_id";
    public static final String PATH = "path";
    public static final String ERROR = "error";
    /** Field metadata keys on each finding column. */
    public static final String FINDING_INDEX = "finding_index";
    public static final String FINDING_TEXT = "finding_text";

    private static final List<String> FIXED = List.of(ROW, RECORD_ID, PATH, ERROR);

    private ScoreSchema() {
    }

    /** The manifest DataFrame's schema. */
    public static StructType manifest() {
        return new StructType()
                .add(ROW, DataTypes.LongType, false)
                .add(RECORD_ID, DataTypes.StringType, false)
                .add(PATH, DataTypes.StringType, false);
    }

    /** The scores schema for a model's vocabulary; refuses codes that clash with the fixed columns or each other. */
    public static StructType scores(FindingsVocabulary vocabulary) {
        Map<String, String> seen = new HashMap<>();
        for (String f : FIXED) {
            seen.put(f, "the column " + f);
        }
        StructType schema = manifest().add(ERROR, DataTypes.StringType, true);
        for (int k = 0; k < vocabulary.size(); k++) {
            String code = vocabulary.get(k).code();
            // Spark resolves column names case-insensitively by default, so CODE and code would collide
            String clash = seen.put(code.toLowerCase(Locale.ROOT), "finding " + code);
            if (clash != null) {
                throw new EcgException(null, "vocabulary, finding " + code, "the code '" + code + "' collides with "
                        + clash + " as a Spark column name (names are compared ignoring case)",
                        "rename one of the findings in the model's vocabulary.json");
            }
            Metadata meta = new MetadataBuilder().putLong(FINDING_INDEX, k)
                    .putString(FINDING_TEXT, vocabulary.get(k).text()).build();
            schema = schema.add(new StructField(code, DataTypes.FloatType, true, meta));
        }
        return schema;
    }

    /** The finding codes of a scores schema, in column order; refuses a schema that is not one. */
    public static List<String> codes(StructType schema, Path where) {
        String[] names = schema.fieldNames();
        if (names.length <= FIXED.size() || !List.of(names).subList(0, FIXED.size()).equals(FIXED)) {
            throw new EcgException(where, null, "not a scores table written by 'ecg spark score' "
                    + "(its first columns are " + List.of(names).subList(0, Math.min(names.length, FIXED.size()))
                    + ", expected " + FIXED + " and one column per finding)", "point at the --out of 'ecg spark score'");
        }
        List<String> codes = new ArrayList<>();
        for (int i = FIXED.size(); i < names.length; i++) {
            codes.add(names[i]);
        }
        return codes;
    }

    /** The index of the first finding column. */
    public static int firstFinding() {
        return FIXED.size();
    }
}
