package org.ecgsiglip.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real headers, mutated at random (characters replaced, inserted, deleted; fields swapped for
 * extreme numbers), are parsed and then read against real signal files: the only exceptions that
 * may escape are the toolkit's own. A property test written with JUnit: case {@code k} is generated
 * from {@code new SplittableRandom(SEED + k)}, so a failing case names the seed that reproduces it.
 */
class HeaderMutationTest {
    private static final String[] BASES = {"100.hea", "100skew.hea", "binformats.hea", "test01_00s_frame.hea",
            "s0010_re.hea", "a103l.hea", "flacformats.hea", "multi-segment/041s/041s.hea",
            "multi-segment/p000878/p000878-2137-10-26-16-57.hea", "3000003_0003.hea"};
    private static final String[] EXTREMES = {"0", "-1", "2147483647", "-2147483648", "99999999999999999999", "1e400",
            "NaN", "16x0", "212x99999", "16:2147483647", "16+9223372036854775807", "/", "~", "..", "#", "(", ")",
            "200(", "1/0", "0/mV", "-5/mV", "", " ", "\t", "\n", "a/b"};
    private static final long SEED = 20261127L;
    private static final int CASES = 600;
    private static final char[] CHARS = {' ', '\n', '#', '/', '(', ')', ':', '+', 'x', '~', '-', '.', '0', '9', 'e'};
    private static List<String> bases;
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        bases = new ArrayList<>();
        for (String b : BASES) {
            bases.add(Files.readString(TestData.wfdbSamples().resolve(b), StandardCharsets.ISO_8859_1));
        }
        bases.add(Files.readString(TestData.ptbxl().resolve("records100/00000/00001_lr.hea")));
        bases.add(Files.readString(TestData.cinc2021().resolve("E07500.hea")));
        dir = Files.createTempDirectory("header-mutations");
        for (String f : new String[] {"100.dat", "binformats.d0", "binformats.d5", "binformats.d6", "test01_00s.dat",
                "a103l.mat"}) {
            Files.copy(TestData.wfdbSamples().resolve(f), dir.resolve(f));
        }
        Files.copy(TestData.ptbxl().resolve("records100/00000/00001_lr.dat"), dir.resolve("00001_lr.dat"));
        Files.copy(TestData.cinc2021().resolve("E07500.mat"), dir.resolve("E07500.mat"));
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static LongStream seeds() {
        return LongStream.range(SEED, SEED + CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onlyToolkitExceptionsEscape(long seed) throws IOException {
        String header = mutatedHeader(new SplittableRandom(seed));
        Path hea = dir.resolve("m.hea");
        Files.writeString(hea, header, StandardCharsets.ISO_8859_1);
        try {
            WfdbHeader h = HeaderParser.parse(hea);
            WfdbReader.read(hea, ReadOptions.defaults().withVerify(h.signals().size() % 2 == 0));
        } catch (EcgException expected) {
            if (expected.problem().isBlank()) {
                throw new AssertionError("empty problem text", expected);
            }
        }
    }

    /** One of the base headers with one to four random edits. */
    static String mutatedHeader(SplittableRandom rng) {
        String s = bases.get(rng.nextInt(bases.size()));
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits; e++) {
            Edit edit = new Edit(rng.nextInt(5), rng.nextInt(100_001), CHARS[rng.nextInt(CHARS.length)],
                    EXTREMES[rng.nextInt(EXTREMES.length)]);
            s = edit.apply(s);
        }
        return s;
    }

    private record Edit(int op, int where, char c, String token) {
        String apply(String s) {
            if (s.isEmpty()) {
                return token;
            }
            int i = where % s.length();
            return switch (op) {
                case 0 -> s.substring(0, i) + c + s.substring(i + 1);
                case 1 -> s.substring(0, i) + c + s.substring(i);
                case 2 -> s.substring(0, i) + s.substring(i + 1);
                default -> replaceToken(s, i);
            };
        }

        private String replaceToken(String s, int i) {
            int start = i;
            while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
                start--;
            }
            int end = i;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            return s.substring(0, start) + token + s.substring(end);
        }
    }
}
