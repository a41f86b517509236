package org.ecgsiglip.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine;

/** Writes small score/truth CSV files for the evaluate and compare command tests, and runs commands. */
final class EvalCliFiles {
    static final String HEADER = "record_id,NORM,MI,STTC,CD";

    private EvalCliFiles() {
    }

    /** Truth for {@code n} records, four findings, seeded. */
    static Path truth(Path dir, int n) {
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int r = 0; r < n; r++) {
            sb.append("e").append(r);
            for (int k = 0; k < 4; k++) {
                sb.append(',').append(rng.nextDouble() < 0.2 + 0.1 * k ? 1 : 0);
            }
            sb.append('\n');
        }
        return write(dir.resolve("truth.csv"), sb.toString());
    }

    /** Scores that lean towards the truth by {@code skill} (0: noise, 1: strong), seeded. */
    static Path scores(Path dir, String name, Path truth, double skill, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        try {
            for (String line : Files.readAllLines(truth).subList(1, Files.readAllLines(truth).size())) {
                String[] f = line.split(",");
                sb.append(f[0]);
                for (int k = 1; k < f.length; k++) {
                    double s = Math.min(1, skill * 0.5 * Integer.parseInt(f[k]) + (1 - skill * 0.5) * rng.nextDouble());
                    sb.append(',').append(String.format(Locale.ROOT, "%.3f", s));
                }
                sb.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(dir.resolve(name), sb.toString());
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit code, standard output and standard error of one command line. */
    record Outcome(int exit, String out, String err) {
    }

    static Outcome execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EcgCommand.configure(new CommandLine(command), false);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
