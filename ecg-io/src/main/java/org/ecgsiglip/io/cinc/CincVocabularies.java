package org.ecgsiglip.io.cinc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The CinC 2021 findings vocabularies. {@code cinc2021-scored}: the 26 scored classes in the order
 * of {@code weights.csv}, equivalent codes merged into the first (30 SNOMED-CT codes in all),
 * abbreviations from {@code dx_mapping_scored.csv} and the clinical texts of {@link #SCORED_TEXTS}
 * (the table's own texts are lower-case shorthand such as "qwave abnormal"). {@code cinc2021-all}:
 * those, then every code of {@code dx_mapping_unscored.csv} in file order with the table's text.
 * Both ship frozen; {@link #build} makes them anew from the tables and a test checks they agree.
 */
public final class CincVocabularies {
    /**
     * The text of each scored class, by canonical code, in clinical wording. Where PTB-XL's
     * {@code scp_statements.csv} describes the same finding plainly, its text is reused ("first degree
     * AV block", "prolonged PR interval", "complete left bundle branch block"), so that a text encoder
     * sees one text for one finding in both datasets.
     */
    public static final Map<String, String> SCORED_TEXTS = Map.ofEntries(
            Map.entry("164889003", "atrial fibrillation"),
            Map.entry("164890007", "atrial flutter"),
            Map.entry("6374002", "bundle branch block"),
            Map.entry("426627000", "bradycardia"),
            Map.entry("733534002", "complete left bundle branch block"),
            Map.entry("713427006", "complete right bundle branch block"),
            Map.entry("270492004", "first degree AV block"),
            Map.entry("713426002", "incomplete right bundle branch block"),
            Map.entry("39732003", "left axis deviation"),
            Map.entry("445118002", "left anterior fascicular block"),
            Map.entry("164947007", "prolonged PR interval"),
            Map.entry("251146004", "low QRS voltages"),
            Map.entry("111975006", "prolonged QT interval"),
            Map.entry("698252002", "non-specific intraventricular conduction disturbance"),
            Map.entry("426783006", "sinus rhythm"),
            Map.entry("284470004", "premature atrial contraction"),
            Map.entry("10370003", "paced rhythm"),
            Map.entry("365413008", "poor R wave progression"),
            Map.entry("427172004", "premature ventricular contraction"),
            Map.entry("164917005", "abnormal Q wave"),
            Map.entry("47665007", "right axis deviation"),
            Map.entry("427393009", "sinus arrhythmia"),
            Map.entry("426177001", "sinus bradycardia"),
            Map.entry("427084000", "sinus tachycardia"),
            Map.entry("164934002", "T wave abnormality"),
            Map.entry("59931005", "T wave inversion"));

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
            String text = SCORED_TEXTS.get(code);
            if (text == null) {
                throw new DatasetException(root.resolve("weights.csv"), "line 1", "scored class " + code + " ("
                        + e.text() + ") is not one of the 2021 Challenge's 26 classes",
                        "use the 2021 Challenge's weights.csv");
            }
            findings.add(new Finding(code, text, e.abbreviation(), cls.subList(1, cls.size())));
        }
        if (includeUnscored) {
            for (DxMapping.Entry e : DxMapping.read(root.resolve("dx_mapping_unscored.csv")).entries().values()) {
                findings.add(new Finding(e.code(), e.text(), e.abbreviation(), List.of()));
            }
        }
        return FindingsVocabulary.of(findings);
    }
}
