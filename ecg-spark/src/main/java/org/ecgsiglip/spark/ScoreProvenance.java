package org.ecgsiglip.spark;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ecgsiglip.io.Toolkit;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Where a scores folder comes from, written as {@code _provenance.json} inside it: the toolkit, Spark,
 * DJL and PyTorch versions, the master and application id, the model folder's identity (SHA-256 of
 * each file and of all), the manifest (kind, source, SHA-256 of the source file and of the resolved
 * entries), the partitioning, the counts (rows = scored + errors = manifest entries), the vocabulary,
 * start and end time, and the driver JVM's memory (in local mode the driver is also the executor).
 *
 * @param seconds wall time from reading the manifest to the committed output
 */
public record ScoreProvenance(String master, String applicationId, String sparkVersion, String device,
                              ModelIdentity model, Manifest manifest, int partitions, long rows, long scored,
                              long errors, FindingsVocabulary vocabulary, Instant started, Instant finished,
                              JvmMemory driverJvm) {
    /** The format tag of the JSON file. */
    public static final String FORMAT = "ecg-siglip-spark-scores/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public double seconds() {
        return Duration.between(started, finished).toNanos() / 1e9;
    }

    /** Peak memory of this JVM so far: heap (the sum of the heap pools' peaks, an upper bound) and resident set. */
    public record JvmMemory(long heapMaxBytes, long heapPeakBytes, long rssPeakBytes) {
        /** Measured now; {@code rssPeakBytes} is -1 where {@code /proc/self/status} does not exist. */
        public static JvmMemory now() {
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            return new JvmMemory(Runtime.getRuntime().maxMemory(), heapPeak, rssPeak());
        }

        private static long rssPeak() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }
    }

    /** The JSON document. */
    public ObjectNode toJson() {
        ObjectNode p = JSON.createObjectNode();
        p.put("format", FORMAT);
        p.put("toolkit_version", Toolkit.version());
        p.put("spark_version", sparkVersion);
        p.put("master", master);
        p.put("application_id", applicationId);
        p.put("djl_version", Engine.getDjlVersion());
        Engine engine = Engine.getEngine("PyTorch");
        p.put("engine", engine.getEngineName() + " " + engine.getVersion());
        p.put("device", device);
        p.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        ObjectNode m = p.putObject("model");
        m.put("folder", model.folder().toString());
        m.put("sha256", model.sha256());
        ObjectNode files = m.putObject("files");
        model.files().forEach(files::put);
        ObjectNode man = p.putObject("manifest");
        man.put("kind", manifest.kind().name().toLowerCase(java.util.Locale.ROOT));
        man.put("source", manifest.source().toString());
        man.put("source_sha256", manifest.sourceSha256());
        man.put("entries_sha256", manifest.entriesSha256());
        man.put("entries", manifest.size());
        p.put("partitions", partitions);
        ObjectNode counts = p.putObject("counts");
        counts.put("rows", rows);
        counts.put("scored", scored);
        counts.put("errors", errors);
        ArrayNode findings = p.putArray("findings");
        for (int k = 0; k < vocabulary.size(); k++) {
            findings.addObject().put("code", vocabulary.get(k).code()).put("text", vocabulary.get(k).text());
        }
        p.put("layout", "one row per manifest entry: row (position in the manifest), record_id, path, error (null "
                + "when scored), then one float32 column per finding, named by its code, in the order of 'findings', "
                + "holding sigmoid(logit); null on an error row");
        p.put("started", started.toString());
        p.put("finished", finished.toString());
        p.put("seconds", seconds());
        p.put("records_per_second", rows / Math.max(seconds(), 1e-9));
        ObjectNode mem = p.putObject("driver_jvm");
        mem.put("heap_max_bytes", driverJvm.heapMaxBytes());
        mem.put("heap_peak_bytes", driverJvm.heapPeakBytes());
        mem.put("rss_peak_bytes", driverJvm.rssPeakBytes());
        return p;
    }

    /** Writes the JSON document atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(toJson()) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the provenance of " + file, e);
        }
    }
}
