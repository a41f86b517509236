package org.ecgsiglip.io.cache;

/** How a cache stores each value. */
public enum Precision {
    /** IEEE 754 single precision, 4 bytes, exact for every preprocessed value. */
    FLOAT32(4),
    /** IEEE 754 half precision, 2 bytes, about 3 significant digits, range +-65504. */
    FLOAT16(2);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored value. */
    public int bytes() {
        return bytes;
    }

    /** The data file's name in the cache folder. */
    String dataFileName() {
        return this == FLOAT32 ? "signals.f32" : "signals.f16";
    }
}
