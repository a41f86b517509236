package org.ecgsiglip.model.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/**
 * Resolves what a user asked for ({@code cpu}, {@code gpu}, {@code gpu:N}, {@code all-gpus}) into a
 * device that DJL can actually use — never a silent fallback.
 *
 * <p>DJL quietly uses the CPU when it cannot load CUDA; asking for a GPU here when the engine sees
 * none is therefore an error that says why. The pairwise loss needs the whole batch on one device,
 * so {@code all-gpus} with more than one GPU is refused rather than split per device (DJL's
 * per-device slicing would hide most negative pairs from the loss).
 */
public final class Devices {
    private Devices() {
    }

    /** Parses and checks; returns the one device training will use. */
    public static Device resolve(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        int gpus = gpuCount();
        if (s.equals("gpu") || s.equals("all-gpus") || s.startsWith("gpu:")) {
            if (gpus == 0) {
                throw new EcgException(null, "--device " + spec, "no GPU is visible to DJL's PyTorch engine ("
                        + engineDescription() + ")", "install the CUDA flavour of the PyTorch native library "
                        + "(see the README's GPU notes) or run with --device cpu");
            }
            if (s.equals("all-gpus")) {
                if (gpus > 1) {
                    throw new EcgException(null, "--device all-gpus", gpus + " GPUs are visible, but training on "
                            + "several GPUs is not supported: the pairwise sigmoid loss must see the whole batch, "
                            + "and gathering embeddings across devices is not implemented", "use --device gpu:N "
                            + "with one GPU and a larger batch");
                }
                return Device.gpu(0);
            }
            int id = 0;
            if (s.startsWith("gpu:")) {
                try {
                    id = Integer.parseInt(s.substring(4));
                } catch (NumberFormatException e) {
                    throw new EcgException(null, "--device " + spec, "cannot read a GPU number", "write gpu:0, gpu:1, ...");
                }
            }
            if (id < 0 || id >= gpus) {
                throw new EcgException(null, "--device " + spec, "GPU " + id + " does not exist; DJL sees " + gpus
                        + " GPU(s)", "use gpu:0 .. gpu:" + (gpus - 1));
            }
            return Device.gpu(id);
        }
        throw new EcgException(null, "--device " + spec, "unknown device", "use cpu, gpu, gpu:N or all-gpus");
    }

    /** GPUs visible to the PyTorch engine. */
    public static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    /** Engine name, version and whether it was built with CUDA, for messages and provenance. */
    public static String engineDescription() {
        Engine e = Engine.getEngine("PyTorch");
        return e.getEngineName() + " " + e.getVersion() + ", " + e.getGpuCount() + " GPU(s) visible";
    }
}
