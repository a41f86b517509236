package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written field scanners accept exactly what the header grammar's regular expressions accept. */
class SignalFieldsTest {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile(
            "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(?:\\((-?\\d+)\\))?(?:/(\\S+))?");
    private static final String ALPHABET = "0123456789x:+-.eE()/ mV\t";

    @Test
    void examplesFromRealHeaders() {
        assertEquals(new SignalFields.Format("16", null, null, null), SignalFields.format("16"));
        assertEquals(new SignalFields.Format("212", "4", "3", "24"), SignalFields.format("212x4:3+24"));
        assertEquals(new SignalFields.Gain("1000.0", "0", "mV"), SignalFields.gain("1000.0(0)/mV"));
        assertEquals(new SignalFields.Gain("200", "-1600", null), SignalFields.gain("200(-1600)"));
        assertEquals(new SignalFields.Gain("2e3", null, "uV"), SignalFields.gain("2e3/uV"));
        assertNull(SignalFields.format("16x"));
        assertNull(SignalFields.gain("."));
        assertNull(SignalFields.gain("200(0"));
        assertNull(SignalFields.gain("200/"));
    }

    @Test
    void randomFieldsParseAsTheRegularExpressionsDo() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String s = randomField(rng);
            Matcher f = FORMAT.matcher(s);
            SignalFields.Format format = SignalFields.format(s);
            if (f.matches()) {
                assertEquals(new SignalFields.Format(f.group(1), f.group(2), f.group(3), f.group(4)), format, s);
            } else {
                assertNull(format, s);
            }
            Matcher g = GAIN.matcher(s);
            SignalFields.Gain gain = SignalFields.gain(s);
            if (g.matches()) {
                assertEquals(new SignalFields.Gain(g.group(1), g.group(2), g.group(3)), gain, s);
            } else {
                assertNull(gain, s);
            }
        }
    }

    /** Short strings over the fields' alphabet, often built from valid pieces so that both branches are hit. */
    private static String randomField(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        if (rng.nextBoolean()) {
            b.append(rng.nextInt(1000));
            String[] parts = {"x" + rng.nextInt(9), ":" + rng.nextInt(9), "+" + rng.nextInt(99), "." + rng.nextInt(99),
                "e-" + rng.nextInt(9), "(" + (rng.nextInt(2000) - 1000) + ")", "/mV", "("};
            int k = rng.nextInt(4);
            for (int i = 0; i < k; i++) {
                b.append(parts[rng.nextInt(parts.length)]);
            }
        }
        int extra = rng.nextInt(4);
        for (int i = 0; i < extra; i++) {
            b.insert(rng.nextInt(b.length() + 1), ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
