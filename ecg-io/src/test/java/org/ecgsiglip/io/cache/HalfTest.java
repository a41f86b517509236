package org.ecgsiglip.io.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.ecgsiglip.io.Fixtures;
import org.junit.jupiter.api.Test;

/** Half-precision rounding against NumPy's astype(float16) (fixtures/make_preprocess_reference.py). */
class HalfTest {
    @Test
    void matchesNumpyBitForBit() {
        JsonNode ref = Fixtures.json("float16_reference.json");
        JsonNode f32 = ref.get("float32_bits");
        JsonNode f16 = ref.get("float16_bits");
        for (int i = 0; i < f32.size(); i++) {
            float v = Float.intBitsToFloat((int) f32.get(i).asLong());
            short h = (short) f16.get(i).asInt();
            assertEquals(h, Half.fromFloat(v), "value " + v);
            float back = Half.toFloat(h);
            assertEquals(Half.fromFloat(back), h);
        }
        assertEquals(0x7E00, Half.fromFloat(Float.NaN) & 0x7E00);
        assertEquals(Float.NaN, Half.toFloat(Half.fromFloat(Float.NaN)));
    }
}
