package org.ecgsiglip.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * One scoring job on a Spark session: manifest → DataFrame in contiguous partitions → each partition
 * scored by {@link PartitionScorer} → Parquet in a temporary folder → provenance → one rename into
 * place ({@link OutputFolder}). The model is loaded on the driver first (so a bad model folder fails
 * before any task runs, with the loader's message) and once in each executor JVM.
 *
 * <p>Partitioning is a function of the manifest alone and the session's default parallelism:
 * {@code P = max(ceil(n / recordsPerPartition), defaultParallelism)} partitions (at most one per
 * 64-record chunk), partition {@code p} holding the contiguous chunks {@code [p·C/P, (p+1)·C/P)} of
 * the {@code C} chunks (Spark's slicing of a local list). A task that Spark retries writes the same rows again, and its commit protocol keeps one copy; the
 * job as a whole commits by rename, so a rerun after an interruption rewrites everything once.
 */
public final class ScoreJob {
    private ScoreJob() {
    }

    /**
     * What to score.
     *
     * @param samplingRate 100 or 500: which PTB-XL file column a PTB-XL manifest uses (ignored otherwise)
     * @param recordsPerPartition the target partition size (more partitions when the cluster has more cores)
     */
    public record Request(Path model, Path records, Path out, String device, int samplingRate, int recordsPerPartition) {
        public Request {
            if (recordsPerPartition < 1) {
                throw new ConfigurationException("--records-per-partition", "must be at least 1, not "
                        + recordsPerPartition, "pass a positive number, e.g. 1000");
            }
        }

        /** CPU, 100 Hz PTB-XL files, 1,000 records per partition. */
        public static Request of(Path model, Path records, Path out) {
            return new Request(model, records, out, "cpu", 100, 1000);
        }
    }

    /** What was written: the scores folder and its provenance (which holds the counts). */
    public record Result(Path out, ScoreProvenance provenance) {
        public long rows() {
            return provenance.rows();
        }

        public long scored() {
            return provenance.scored();
        }

        public long errors() {
            return provenance.errors();
        }
    }

    /** Runs the job and commits its output; throws (leaving any previous output as it was) when it fails. */
    public static Result run(SparkSession spark, Request request) {
        Instant started = Instant.now();
        Path out = request.out().toAbsolutePath().normalize();
        OutputFolder.checkReplaceable(out);
        Manifest manifest = Manifest.read(request.records(), request.samplingRate());
        FindingsVocabulary vocabulary = LoadedModels.get(request.model(), request.device()).vocabulary();
        StructType schema = ScoreSchema.scores(vocabulary);
        ModelIdentity model = ModelIdentity.of(request.model());
        int partitions = partitions(manifest.size(), request.recordsPerPartition(),
                spark.sparkContext().defaultParallelism());

        OutputFolder.removeLeftovers(out);
        Path tmp = OutputFolder.temporary(out);
        ScoreProvenance provenance;
        try {
            Dataset<Row> scored = manifestFrame(spark, manifest, partitions)
                    .mapPartitions(new PartitionScorer(request.model(), request.device(), vocabulary.size()),
                            Encoders.row(schema));
            withFieldMetadata(scored, schema).write().parquet(tmp.toUri().toString());

            Dataset<Row> written = spark.read().parquet(tmp.toUri().toString());
            long rows = written.count();
            long errors = written.filter(col(ScoreSchema.ERROR).isNotNull()).count();
            if (rows != manifest.size()) {
                throw new IllegalStateException("Spark wrote " + rows + " rows for " + manifest.size()
                        + " manifest entries; the output was not committed");
            }
            provenance = new ScoreProvenance(spark.sparkContext().master(), spark.sparkContext().applicationId(),
                    spark.version(), request.device(), model, manifest, partitions, rows, rows - errors, errors,
                    vocabulary, started, Instant.now(), ScoreProvenance.JvmMemory.now());
            provenance.write(tmp.resolve(OutputFolder.PROVENANCE));
        } catch (RuntimeException e) {
            OutputFolder.deleteQuietly(tmp);
            throw e;
        }
        OutputFolder.commit(tmp, out);
        return new Result(out, provenance);
    }

    /**
     * The manifest as a DataFrame ({@link ScoreSchema#manifest()}) in manifest order, cut into
     * {@code partitions} contiguous slices of whole chunks: chunk {@code c} is rows
     * {@code [64c, 64c + 64)}, the batches {@code Predictor.scoreRecords} forms over the same list, so
     * that every record reaches the model in the same batch as with {@code ecg predict}.
     */
    public static Dataset<Row> manifestFrame(SparkSession spark, Manifest manifest, int partitions) {
        List<List<Row>> chunks = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries()) {
            if (e.row() % PartitionScorer.CHUNK == 0) {
                chunks.add(new ArrayList<>(PartitionScorer.CHUNK));
            }
            chunks.get(chunks.size() - 1).add(RowFactory.create(e.row(), e.recordId(), e.path()));
        }
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(chunks, Math.min(partitions, chunks.size())).flatMap(List::iterator);
        return spark.createDataFrame(rdd, ScoreSchema.manifest());
    }

    /** The same rows with each column's metadata restated (mapPartitions' output attributes drop it). */
    private static Dataset<Row> withFieldMetadata(Dataset<Row> rows, StructType schema) {
        Column[] columns = new Column[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            StructField f = schema.fields()[i];
            columns[i] = col("`" + f.name() + "`").as(f.name(), f.metadata());
        }
        return rows.select(columns);
    }

    /** {@code max(ceil(n / perPartition), parallelism)}, at most the number of 64-record chunks, at least 1. */
    static int partitions(int n, int perPartition, int parallelism) {
        long wanted = Math.max((n + (long) perPartition - 1) / perPartition, parallelism);
        long chunks = (n + (long) PartitionScorer.CHUNK - 1) / PartitionScorer.CHUNK;
        return (int) Math.max(1, Math.min(chunks, wanted));
    }
}
