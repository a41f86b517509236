package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The CinC 2021 findings vocabularies. {@code cinc2021-scored}: the 26 scored classes in the order
 * of {@code weights.csv}, equivalent codes merged into the first (30 SNOMED-CT codes in all), texts
 * and abbreviations from {@code dx_mapping_scored.csv}. {@code cinc2021-all}: those, then every
 * code of {@code dx_mapping_unscored.csv} in file order. Both ship frozen; {@link #build} makes them
 * anew from the tables and a test checks they agree.
 */
public final class CincVocabularies {
    private CincVocabularies() {
    }

    /** The frozen vocabulary: scored classes only, or scored then unscored. */
    public static FindingsVocabulary frozen(boolean includeUnscored) {
        return FindingsVocabulary.resource(includeUnscored ? "cinc2021-all" : "cinc2021-scored");
    }

    /** Builds the vocabulary from the challenge tables in {@code root}. */
    public static FindingsVocabulary build(Path root, boolean includeUnscored) {
        Path scoredFile = root.resolve("dx_mapping_scored.csv");
        DxMapping scored = DxMapping.read(scoredFile);
        List<Finding> findings = new ArrayList<>();
        for (List<String> cls : ScoredClasses.read(root.resolve("weights.csv"))) {
            String code = cls.get(0);
            DxMapping.Entry e = scored.get(code).orElseThrow(() -> new DatasetException(scoredFile, null,
                    "scored class " + code + " of weights.csv is missing", "use the challenge's original tables"));
            findings.add(new Finding(code, e.text(), e.abbreviation(), cls.subList(1, cls.size())));
        }
        if (includeUnscored) {
            for (DxMapping.Entry e : DxMapping.read(root.resolve("dx_mapping_unscored.csv")).entries().values()) {
                findings.add(new Finding(e.code(), e.text(), e.abbreviation(), List.of()));
            }
        }
        return FindingsVocabulary.of(findings);
    }
}
