package org.ecgsiglip.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * AdamW (decoupled weight decay, Loshchilov &amp; Hutter) whose state can be saved and restored, so a
 * resumed run continues exactly where the killed one stopped.
 *
 * <p>The update, as PyTorch's {@code torch.optim.AdamW} computes it, for step t with learning rate lr_t:
 * w ← w − lr_t λ w; m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²;
 * w ← w − (lr_t / (1−β1^t)) · m / (√v / √(1−β2^t) + ε). The weight's gradient is zeroed after the update.
 * Weight decay λ applies to tensors of two or more dimensions only (convolution and linear weights),
 * not to biases, normalisation parameters, the temperature or the logit bias. The learning rate
 * comes from a {@link Tracker} of the global step.
 *
 * <p>State is keyed by the parameters' structural names (stable between runs), not by DJL's random
 * parameter ids: call {@link #bind(PairList)} with the block's parameters before training.
 */
public final class CheckpointedAdamW extends Optimizer {
    private final Tracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, String> nameOfId = new HashMap<>();
    private final Map<String, NDArray> means = new TreeMap<>();
    private final Map<String, NDArray> variances = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    private CheckpointedAdamW(Builder b) {
        super(b);
        this.learningRate = b.learningRate;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Associates DJL's parameter ids with their structural names (from {@code block.getParameters()}). */
    public void bind(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            nameOfId.put(p.getValue().getId(), p.getKey());
        }
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        String name = nameOfId.getOrDefault(parameterId, parameterId);
        int t = counts.merge(name, 1, Integer::sum);
        float lr = learningRate.getNewValue(t);
        float correction1 = (float) (1.0 - Math.pow(beta1, t));
        float sqrtCorrection2 = (float) Math.sqrt(1.0 - Math.pow(beta2, t));
        float decay = weight.getShape().dimension() >= 2 ? weightDecay : 0f;
        NDArray m = means.computeIfAbsent(name, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(name, k -> weight.zerosLike());
        // every temporary is closed here: arrays made from a parameter would otherwise live as long as the model
        try (NDArray g1 = grad.mul(1f - beta1)) {
            m.muli(beta1).addi(g1);
        }
        try (NDArray g2 = grad.square()) {
            v.muli(beta2).addi(g2.muli(1f - beta2));
        }
        if (decay > 0f) {
            try (NDArray shrink = weight.mul(lr * decay)) {
                weight.subi(shrink);
            }
        }
        try (NDArray denom = v.sqrt(); NDArray step = m.mul(lr / correction1)) {
            denom.divi(sqrtCorrection2).addi(epsilon);
            weight.subi(step.divi(denom));
        }
        // Gradients accumulate in the engine until zeroed. DJL's parameter server hands the optimizer a
        // *copy* of the gradient, so zero the weight's own gradient, not the argument.
        try (NDArray own = weight.getGradient()) {
            own.subi(own);
        }
    }

    /** The number of updates applied so far (that of the most-updated parameter). */
    public int steps() {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Writes counts and moment estimates. */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(1); // format version
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
            writeArray(out, means.get(e.getKey()));
            writeArray(out, variances.get(e.getKey()));
        }
    }

    /** Restores what {@link #save} wrote; arrays are created by {@code manager} on its device. */
    public void load(DataInputStream in, NDManager manager) throws IOException {
        int version = in.readInt();
        if (version != 1) {
            throw new IOException("unknown optimizer state version " + version);
        }
        counts.clear();
        means.clear();
        variances.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            counts.put(name, in.readInt());
            means.put(name, readArray(in, manager));
            variances.put(name, readArray(in, manager));
        }
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        byte[] bytes = a.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return manager.decode(bytes);
    }

    /** Builder: learning-rate tracker required; betas (0.9, 0.999), ε 1e-8 and weight decay 0.01 optional. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private Tracker learningRate;
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;
        private float weightDecay = 0.01f;

        public Builder setLearningRate(Tracker tracker) {
            this.learningRate = tracker;
            return this;
        }

        public Builder optBetas(float b1, float b2) {
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        public Builder optEpsilon(float eps) {
            this.epsilon = eps;
            return this;
        }

        public Builder optWeightDecay(float decay) {
            this.weightDecay = decay;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public CheckpointedAdamW build() {
            if (learningRate == null) {
                throw new IllegalStateException("setLearningRate is required");
            }
            return new CheckpointedAdamW(this);
        }
    }
}
