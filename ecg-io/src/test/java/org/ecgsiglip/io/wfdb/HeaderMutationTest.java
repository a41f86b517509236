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
 * extreme numbers and long garbage), are parsed and then read against real signal files: the only
 * exceptions that may escape are the toolkit's own, and their messages stay short (no long echo of
 * the input). A property test written with JUnit: case {@code k} is generated
 * from {@code new SplittableRandom(SEED + k)}, so a failing case names the seed that reproduces it.
 */
class HeaderMutationTest {
    private static final String[] BASES = {"test01_00s.hea", "test01_00s_skew.hea", "binformats.hea",
            "test01_00s_frame.hea", "s0010_re.hea", "a103l.hea", "flacformats.hea", "multi-segment/041s/041s.hea",
            "multi-segment/p000878/p000878-2137-10-26-16-57.hea", "3000003_0003.hea", "310derive.hea"};
    private static final String[] EXTREMES = {"0", "-1", "2147483647", "-2147483648", "99999999999999999999", "1e400",
            "NaN", "16x0", "212x99999", "16:2147483647", "16+9223372036854775807", "/", "~", "..", "#", "(", ")",
            "200(", "1/0", "0/mV", "-5/mV", "", " ", "\t", "\n", "a/b", "16x2000000000", "16:2000000000",
            "1000000000000", "12:30:00", "\u0000", "~".repeat(5000), "9".repeat(3000)};
    private static final long SEED = 20261127L;
    private static final int CASES = 600;
    private static final char[] CHARS = {' ', '\n', '#', '/', '(', ')', ':', '+', 'x', '~', '-', '.', '0', '9', 'e'};
    private static List<String> bases;
    private static List<String> names;
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        bases = new ArrayList<>();
        names = new ArrayList<>();
        for (String b : BASES) {
            add(TestData.wfdbFixtures().resolve(b));
        }
        add(TestData.sample().resolve("records100/00000/00001_lr.hea"));
        add(TestData.cincFixtures().resolve("E07500.hea"));
        dir = Files.createTempDirectory("header-mutations");
        for (String f : new String[] {"binformats.d0", "binformats.d5", "binformats.d6", "test01_00s.dat",
                "a103l.mat", "310derive.dat", "3000003_0003.dat", "s0010_re.dat"}) {
            Files.copy(TestData.wfdbFixtures().resolve(f), dir.resolve(f));
        }
        Files.copy(TestData.sample().resolve("records100/00000/00001_lr.dat"), dir.resolve("00001_lr.dat"));
        Files.copy(TestData.cincFixtures().resolve("E07500.mat"), dir.resolve("E07500.mat"));
    }

    private static void add(Path hea) throws IOException {
        bases.add(Files.readString(hea, StandardCharsets.ISO_8859_1));
        String name = hea.getFileName().toString();
        names.add(name.substring(0, name.length() - 4));
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
        SplittableRandom rng = new SplittableRandom(seed);
        int base = rng.nextInt(bases.size());
        String header = mutatedHeader(bases.get(base), rng);
        Path hea = dir.resolve(names.get(base) + ".hea"); // under the base's own name, as the record line says
        Files.writeString(hea, header, StandardCharsets.ISO_8859_1);
        try {
            WfdbHeader h = HeaderParser.parse(hea);
            WfdbReader.read(hea, ReadOptions.defaults().withVerify(h.signals().size() % 2 == 0));
        } catch (EcgException expected) {
            if (expected.problem().isBlank()) {
                throw new AssertionError("empty problem text", expected);
            }
            if (expected.getMessage().length() > 1200) {
                throw new AssertionError("message of " + expected.getMessage().length() + " characters", expected);
            }
        }
    }

    /** {@code s} with one to four random edits. */
    static String mutatedHeader(String s, SplittableRandom rng) {
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
