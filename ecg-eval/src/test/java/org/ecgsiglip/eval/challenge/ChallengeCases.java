package org.ecgsiglip.eval.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.Fixtures;

/** The cases of {@code make_expected.py}, read from {@code expected.json} on the test class path. */
final class ChallengeCases {
    private ChallengeCases() {
    }

    /** One case: its tables and records, and the independent implementation's scores. */
    record Case(String name, ChallengeWeights weights, List<String> ids, List<List<String>> labels,
                List<List<String>> outputs, int[] repeats, JsonNode expected, JsonNode expectedRepeated) {

        ChallengeData data() {
            return ChallengeData.ofCodes(weights, ids, labels, outputs);
        }
    }

    static Path resource(String name) {
        URL url = ChallengeCases.class.getResource("/org/ecgsiglip/eval/challenge/" + name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : Fixtures.json(resource("expected.json")).get("cases")) {
            List<List<String>> classes = strings(c.get("classes"));
            int k = classes.size();
            double[][] w = new double[k][k];
            for (int j = 0; j < k; j++) {
                for (int o = 0; o < k; o++) {
                    w[j][o] = Fixtures.num(c.get("weights").get(j).get(o));
                }
            }
            List<String> ids = new ArrayList<>();
            c.get("ids").forEach(n -> ids.add(n.asText()));
            int[] repeats = new int[ids.size()];
            for (int i = 0; i < repeats.length; i++) {
                repeats[i] = c.get("repeats").get(i).asInt();
            }
            out.add(new Case(c.get("name").asText(), ChallengeWeights.of(classes, w), ids, strings(c.get("labels")),
                    strings(c.get("outputs")), repeats, c.get("expected"), c.get("expected_repeated")));
        }
        return out;
    }

    private static List<List<String>> strings(JsonNode lists) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode l : lists) {
            List<String> row = new ArrayList<>();
            l.forEach(n -> row.add(n.asText()));
            out.add(row);
        }
        return out;
    }
}
