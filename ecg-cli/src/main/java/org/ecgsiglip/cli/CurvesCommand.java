package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgsiglip.model.folder.Manifest;
import org.ecgsiglip.model.folder.ModelFolder;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.train.RunCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg curves --run RUN}: (re)draws a run's training curves — loss, validation macro-AUROC and
 * macro-F1, target positive rate, t and b per epoch, the chosen epoch marked — as {@code curves.png} and
 * {@code curves.html} in the run folder. Training writes them at its end; this draws them for a run still
 * training or killed, or again. A finished folder's manifest is rewritten to include them.
 */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Draw a run's training curves (PNG and a one-file HTML page) into its folder.",
        footer = {"", "Examples:", "  ecg curves --run runs/shared"})
public final class CurvesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "A run folder.")
    Path runDir;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        run(runDir).forEach(p -> o.println("wrote " + p));
        o.flush();
        return 0;
    }

    /** Draws the curves; returns the files written. */
    public static List<Path> run(Path runDir) {
        RunDirectory run = new RunDirectory(runDir);
        boolean finished = Manifest.read(runDir).map(Manifest::finished).orElse(false);
        if (finished) {
            ModelFolder.amend(runDir, Map.of(run.curvesPng(), () -> RunCurves.write(run)));
        } else {
            RunCurves.write(run);
        }
        return List.of(run.curvesPng(), run.curvesHtml());
    }
}
