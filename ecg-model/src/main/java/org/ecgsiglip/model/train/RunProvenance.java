package org.ecgsiglip.model.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecgsiglip.io.Toolkit;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The provenance record of a run (DESIGN §5): toolkit version and git commit, Java, OS and CPU, DJL
 * and PyTorch versions, the device actually used, seeds, data identity (hashes, folds), the input
 * pipeline and its digest (the same as the model folder's {@code pipeline.json}), the variant (label
 * matrix, text strategy) and timing. Plain JSON beside the artifact.
 */
public final class RunProvenance {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunProvenance() {
    }

    public static ObjectNode collect(TrainConfig config, TrainingData data, Device device) {
        ObjectNode p = JSON.createObjectNode();
        p.put("toolkit", "ecg-siglip");
        p.put("toolkit_version", Toolkit.version());
        p.put("git_commit", gitCommit());
        p.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.put("cpu", cpuModel());
        p.put("cpu_cores", Runtime.getRuntime().availableProcessors());
        p.put("djl_version", Engine.getDjlVersion());
        Engine engine = Engine.getEngine("PyTorch");
        p.put("engine", engine.getEngineName() + " " + engine.getVersion());
        p.put("device", device.toString());
        p.put("gpus_visible", engine.getGpuCount());
        p.put("cuda", engine.getGpuCount() > 0 ? ai.djl.util.cuda.CudaUtils.getCudaVersionString() : null);
        p.put("seed", config.seed());
        p.put("objective", config.objective().name().toLowerCase(java.util.Locale.ROOT));
        p.put("label_matrix", ConfigValue.name(config.labelMatrix()));
        p.put("text_strategy", ConfigValue.name(config.text()));
        p.set("train_folds", JSON.valueToTree(config.trainFolds()));
        p.set("validation_folds", JSON.valueToTree(config.validationFolds()));
        p.put("train_records", data.split().train().length);
        p.put("validation_records", data.split().validation().length);
        p.set("data", JSON.valueToTree(data.provenance()));
        p.put("pipeline_digest", data.pipeline().digest());
        p.set("pipeline", org.ecgsiglip.io.pipeline.PipelineJson.toJson(data.pipeline()));
        p.put("started_at", Instant.now().toString());
        return p;
    }

    public static void write(ObjectNode provenance, Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(provenance) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds end time and duration to a written provenance file. */
    public static void finish(Path file, double seconds, Map<String, Object> extra) {
        try {
            ObjectNode p = (ObjectNode) JSON.readTree(file.toFile());
            p.put("finished_at", Instant.now().toString());
            p.put("training_seconds", seconds);
            extra.forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
            write(p, file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot update " + file, e);
        }
    }

    /** The commit of the working tree the toolkit runs from, with "-dirty" when it has changes; "unknown" outside git. */
    static String gitCommit() {
        try {
            Path here = Path.of(RunProvenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here : here.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            String status = git(dir, "status", "--porcelain", "--untracked-files=no");
            return status.isEmpty() ? head : head + "-dirty";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "";
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
