package org.ecgsiglip.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.cli.CincTree;
import org.ecgsiglip.cli.ExperimentCommand;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.challenge.ChallengeComparison;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment on CinC data reports each variant's Challenge score and the paired difference. */
class CincExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theReportCarriesTheChallengeScoresOfTheRunsAndTheirPairedDifference() throws IOException {
        Path root = CincTree.write(tmp.resolve("cinc"));
        Path file = tmp.resolve("experiment.json");
        Files.writeString(file, """
                {"name": "cinc experiment",
                 "base": {"cinc": "%s", "ignore-unknown-codes": true, "cinc-folds": 3, "cache-dir": "cache",
                          "train-folds": [1], "validation-folds": [2], "test-folds": [3], "epochs": 1,
                          "batch-size": 8, "embedding-dim": 16, "text-hidden": 16, "record-length": 300,
                          "input-length": 250},
                 "variants": {"shared-finding": {}, "bce": {"baseline": "bce"}},
                 "bootstrap": 100, "bootstrap-seed": 3, "out": "out"}
                """.formatted(root.toString().replace("\\", "/")));
        ExperimentResult r = ExperimentCommand.run(file, null, TrainingMonitor.SILENT);
        Path out = tmp.resolve("out");
        Bootstrap boot = Bootstrap.byRecord(100, 3);
        ChallengeWeights w = ChallengeWeights.challenge2021();
        for (RunOutcome run : r.runs()) {
            ChallengeData data = ChallengeData.of(w, MatrixCsv.readTruth(run.truth()), MatrixCsv.readScores(run.scores()),
                    Thresholds.fixed(0.5));
            double direct = ChallengeMetric.score(data).normalized();
            assertEquals(direct, run.challenge().orElseThrow().normalized(), 1e-12, run.variant());
            JsonNode file2 = JSON.readTree(run.testFolder().resolve("challenge.json").toFile());
            assertEquals(direct, file2.get("score").get("normalized").asDouble(), 1e-12);
        }
        ComparisonOutcome c = r.comparisons().get(0);
        ChallengeComparison direct = ChallengeMetric.compare(challengeData(r.run("shared-finding", 42), w),
                challengeData(r.run("bce", 42), w), boot);
        assertEquals(direct.difference().estimate(), c.challenge().orElseThrow().difference().estimate(), 1e-12);
        assertEquals(direct.difference().lower(), c.challenge().orElseThrow().difference().lower(), 1e-12);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile()).get("challenge");
        assertEquals(2, summary.get("runs").size());
        assertEquals(direct.difference().estimate(), summary.get("comparisons").get(0).get("difference").asDouble(),
                1e-12);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## PhysioNet/CinC Challenge score on the test folds"), md);
        assertTrue(md.contains("| bce - shared-finding |"), md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("PhysioNet/CinC Challenge score"));
        assertTrue(r.table().contains("PhysioNet/CinC Challenge score"), r.table());
    }

    private static ChallengeData challengeData(RunOutcome run, ChallengeWeights w) {
        return ChallengeData.of(w, MatrixCsv.readTruth(run.truth()), MatrixCsv.readScores(run.scores()),
                Thresholds.fixed(0.5));
    }
}
