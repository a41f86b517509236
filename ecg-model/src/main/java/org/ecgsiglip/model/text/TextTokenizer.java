package org.ecgsiglip.model.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a finding text into a fixed-length bag of features: known words plus hashed character
 * n-grams, so that an unseen word ("supraventricular" spelled a new way, a new finding's text) still
 * lands near the words it shares pieces with.
 *
 * <p>Features, for a text of T word tokens (lower-cased runs of letters and digits): each known word
 * adds 1 at its own index; each word (known or not) spreads a weight of 1 evenly over the hash buckets
 * of its character n-grams ({@code n = minN..maxN} of {@code "<word>"}, FNV-1a 32-bit hash modulo
 * {@code buckets}); the whole vector is divided by T. A linear layer on this vector is therefore the
 * mean of learned word and n-gram embeddings (fastText-style). Word order does not matter.
 *
 * <p>The word list is frozen when the tokenizer is built (from the vocabulary's texts) and saved with
 * the model; {@link #dimension()} = words + buckets.
 */
public final class TextTokenizer implements TextFeatures {
    private final List<String> words;
    private final int buckets;
    private final int minN;
    private final int maxN;
    private final Map<String, Integer> index;

    @JsonCreator
    public TextTokenizer(@JsonProperty("words") List<String> words, @JsonProperty("buckets") int buckets,
            @JsonProperty("minN") int minN, @JsonProperty("maxN") int maxN) {
        if (buckets < 1 || minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("need buckets >= 1 and 1 <= minN <= maxN");
        }
        this.words = List.copyOf(words);
        this.buckets = buckets;
        this.minN = minN;
        this.maxN = maxN;
        this.index = new HashMap<>();
        for (int i = 0; i < this.words.size(); i++) {
            index.put(this.words.get(i), i);
        }
    }

    /** A tokenizer whose word list is every word of {@code texts}, sorted; 1,024 buckets of 3–5-grams. */
    public static TextTokenizer fromTexts(Collection<String> texts) {
        TreeSet<String> all = new TreeSet<>();
        for (String t : texts) {
            all.addAll(tokens(t));
        }
        return new TextTokenizer(new ArrayList<>(all), 1024, 3, 5);
    }

    /** Lower-cased runs of letters and digits. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    @JsonProperty("words")
    public List<String> words() {
        return words;
    }

    @JsonProperty("buckets")
    public int buckets() {
        return buckets;
    }

    @JsonProperty("minN")
    public int minN() {
        return minN;
    }

    @JsonProperty("maxN")
    public int maxN() {
        return maxN;
    }

    /** Length of a feature vector. */
    @Override
    public int dimension() {
        return words.size() + buckets;
    }

    /** The feature vector of one text (all zeros for a text without any word). */
    @Override
    public float[] features(String text) {
        float[] v = new float[dimension()];
        addFeatures(text, v, 0);
        return v;
    }

    /** Writes the features of {@code text} into {@code dst[offset .. offset + dimension())}, which must be zero. */
    @Override
    public void addFeatures(String text, float[] dst, int offset) {
        List<String> toks = tokens(text);
        if (toks.isEmpty()) {
            return;
        }
        float perToken = 1f / toks.size();
        for (String w : toks) {
            Integer id = index.get(w);
            if (id != null) {
                dst[offset + id] += perToken;
            }
            String padded = "<" + w + ">";
            int grams = 0;
            for (int n = minN; n <= maxN; n++) {
                grams += Math.max(0, padded.length() - n + 1);
            }
            if (grams == 0) {
                continue;
            }
            float g = perToken / grams;
            for (int n = minN; n <= maxN; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    int bucket = Integer.remainderUnsigned(fnv1a(padded, i, i + n), buckets);
                    dst[offset + words.size() + bucket] += g;
                }
            }
        }
    }

    /** FNV-1a, 32-bit, over the UTF-8 bytes of {@code s[from, to)}: stable across JVMs and platforms. */
    static int fnv1a(String s, int from, int to) {
        int h = 0x811c9dc5;
        for (byte b : s.substring(from, to).getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x01000193;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextTokenizer t && words.equals(t.words) && buckets == t.buckets
                && minN == t.minN && maxN == t.maxN;
    }

    @Override
    public int hashCode() {
        return words.hashCode() * 31 + buckets * 7 + minN * 3 + maxN;
    }
}
