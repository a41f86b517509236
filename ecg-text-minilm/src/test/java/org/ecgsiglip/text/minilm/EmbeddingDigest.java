package org.ecgsiglip.text.minilm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.ecgsiglip.io.util.Sha256;

/** SHA-256 of texts' embeddings (float32, little-endian, in order); run as a main, it prints that of its arguments. */
final class EmbeddingDigest {
    private EmbeddingDigest() {
    }

    static String of(MiniLmEncoder encoder, List<String> texts) {
        MessageDigest md = Sha256.newDigest();
        for (String t : texts) {
            float[] e = encoder.embed(t);
            ByteBuffer b = ByteBuffer.allocate(4 * e.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(e);
            md.update(b.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static void main(String[] args) {
        System.out.println("digest " + of(new MiniLmEncoder(), List.of(args)));
    }
}
