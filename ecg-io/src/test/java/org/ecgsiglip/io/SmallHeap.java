package org.ecgsiglip.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's {@code main} in a child JVM with a small heap ({@code -Xmx}), so that a memory
 * bound is really tested: a reader that took memory in proportion to a big bad input would die
 * there with an {@link OutOfMemoryError} instead of failing politely. The child runs {@link
 * #report} and prints what happened; the parent gets it back as an {@link Outcome}.
 */
public final class SmallHeap {
    /** Exit status of a child whose action ended in an {@link OutOfMemoryError}. */
    public static final int OUT_OF_MEMORY = 3;
    /** Exit status of a child whose action threw anything but an {@link EcgException}. */
    public static final int FOREIGN_EXCEPTION = 4;

    private SmallHeap() {
    }

    /** What the child printed: the exception's class and message, or {@code ok} and a result line. */
    public record Outcome(int exitCode, String type, String message, String output) {
        /** True when the child ended with a toolkit exception of exactly this type. */
        public boolean threw(Class<? extends EcgException> expected) {
            return exitCode == 0 && expected.getName().equals(type);
        }
    }

    /** The action a child runs; its result's {@code toString()} is printed on success. */
    @FunctionalInterface
    public interface Action {
        Object run() throws Exception;
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM of {@code heapMb} MB of heap and this JVM's
     * class path, waiting at most two minutes.
     */
    public static Outcome run(int heapMb, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + out);
        }
        String type = null;
        String message = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("TYPE ")) {
                type = line.substring(5);
            } else if (line.startsWith("MESSAGE ")) {
                message = line.substring(8);
            }
        }
        return new Outcome(p.exitValue(), type, message, out);
    }

    /** For a child's {@code main}: runs {@code action}, prints its outcome, and exits as {@link #run} expects. */
    public static void report(Action action) {
        int status = 0;
        try {
            Object result = action.run();
            System.out.println("TYPE ok");
            System.out.println("MESSAGE " + result);
        } catch (EcgException e) {
            System.out.println("TYPE " + e.getClass().getName());
            System.out.println("MESSAGE " + e.getMessage().replace('\n', ' '));
        } catch (OutOfMemoryError e) {
            status = OUT_OF_MEMORY;
            System.out.println("TYPE " + e.getClass().getName());
        } catch (Throwable e) {
            status = FOREIGN_EXCEPTION;
            System.out.println("TYPE " + e.getClass().getName());
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }
}
