package org.ecgsiglip.model.train;

import org.ecgsiglip.model.folder.RunDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The run's JSON-lines logs. {@code steps.jsonl} is appended to as steps finish; on resume it is cut
 * back to the steps of the checkpointed epochs. {@code metrics.jsonl} is rewritten whole from the
 * checkpointed history after every epoch, so it never holds an epoch that a resume would repeat.
 */
final class TrainingLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunDirectory run;
    private final BufferedWriter steps;

    /** Opens the step log, keeping only its first {@code keepSteps} lines. */
    TrainingLog(RunDirectory run, int keepSteps) {
        this.run = run;
        try {
            Path file = run.steps();
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                AtomicFiles.writeString(file, lines.subList(0, Math.min(keepSteps, lines.size())).stream()
                        .map(l -> l + "\n").reduce("", String::concat));
            }
            this.steps = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + run.steps() + ": " + e.getMessage(), e);
        }
    }

    void step(int globalStep, int epoch, TrainingStep.Result r, float learningRate) {
        ObjectNode line = JSON.createObjectNode();
        line.put("step", globalStep);
        line.put("epoch", epoch);
        line.put("loss", r.loss());
        line.put("positive_rate", r.positiveRate());
        if (Float.isFinite(r.gradNorm())) {
            line.put("grad_norm", r.gradNorm());
        }
        line.put("learning_rate", learningRate);
        try {
            steps.write(JSON.writeValueAsString(line));
            steps.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + run.steps(), e);
        }
    }

    /** Flushes the step log (called before each checkpoint) and rewrites metrics.jsonl from the history. */
    void epochs(List<EpochSummary> history) {
        try {
            steps.flush();
            StringBuilder sb = new StringBuilder();
            for (EpochSummary s : history) {
                sb.append(JSON.writeValueAsString(s)).append('\n');
            }
            AtomicFiles.writeString(run.metrics(), sb);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + run.metrics(), e);
        }
    }

    @Override
    public void close() {
        try {
            steps.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
