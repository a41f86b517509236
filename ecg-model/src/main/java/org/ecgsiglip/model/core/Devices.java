package org.ecgsiglip.model.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/**
 * Resolves what a user asked for ({@code cpu}, {@code gpu}, {@code gpu:N}, {@code all-gpus}) into the
 * devices DJL can actually use — never a silent fallback.
 *
 * <p>DJL quietly uses the CPU when it cannot load CUDA; asking for a GPU here when the engine sees
 * none is therefore an error that says why. {@code all-gpus} is every visible GPU: training is then
 * data-parallel with a label-aware loss over the whole batch ({@code ShardedSigmoidLoss}: embeddings and
 * finding sets are gathered across devices, so cross-device pairs that share a finding are positives);
 * with one GPU it is {@code gpu}. Scoring and validation run on the first device.
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

    /** Every device training will use: all visible GPUs for {@code all-gpus}, else the one of {@link #resolve}. */
    public static Device[] resolveAll(String spec) {
        Device first = resolve(spec);
        if (!spec.trim().equalsIgnoreCase("all-gpus")) {
            return new Device[] {first};
        }
        Device[] all = new Device[gpuCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = Device.gpu(i);
        }
        return all;
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
