package org.ecgsiglip.model.siglip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The reference values written by {@code torch/make_expected.py} (PyTorch 1.13, float64), read from the
 * test resources beside this package.
 */
final class TorchReference {
    private TorchReference() {
    }

    static JsonNode load() {
        try (InputStream in = TorchReference.class.getResourceAsStream("torch/expected.json")) {
            if (in == null) {
                throw new IllegalStateException("torch/expected.json is missing from the test resources of "
                        + TorchReference.class.getPackageName() + "; run make_expected.py beside it");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A matrix [rows][cols] flattened row by row. */
    static float[] flat(JsonNode matrix) {
        int rows = matrix.size();
        int cols = rows == 0 ? 0 : matrix.get(0).size();
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) matrix.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    /** Finding sets [[f, ...], ...] as sorted index arrays. */
    static int[][] sets(JsonNode node) {
        int[][] out = new int[node.size()][];
        for (int i = 0; i < node.size(); i++) {
            out[i] = new int[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = node.get(i).get(j).asInt();
            }
        }
        return out;
    }
}
