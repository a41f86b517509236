package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decimal fast path gives Double.parseDouble's bits, and its exceptions. */
class DecimalsTest {
    @Test
    void samePlainDecimalsAsParseDouble() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 500_000; i++) {
            int digits = 1 + rng.nextInt(17);
            StringBuilder b = new StringBuilder();
            if (rng.nextInt(4) == 0) {
                b.append(rng.nextBoolean() ? '-' : '+');
            }
            int point = rng.nextInt(digits + 2) - 1; // -1: no point
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    b.append('.');
                }
                b.append((char) ('0' + rng.nextInt(10)));
            }
            if (point == digits) {
                b.append('.');
            }
            check(b.toString());
        }
        for (String s : new String[] {"1000.0", "360", "0", "-0", "-0.0", ".5", "5.", "0.1", "999999999999999",
            "9999999999999999", "1e3", "0x1p3", "Infinity", "1.5f", " 7"}) {
            check(s);
        }
    }

    @Test
    void malformedTextThrowsAsParseDouble() {
        for (String s : new String[] {"", "-", ".", "+.", "1.2.3", "12a", "--1"}) {
            assertThrows(NumberFormatException.class, () -> Decimals.parse(s), s);
            assertThrows(NumberFormatException.class, () -> Double.parseDouble(s), s);
        }
    }

    private static void check(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(Decimals.parse(s)), s);
    }
}
