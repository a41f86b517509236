package org.ecgsiglip.io.ptbxl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The PTB-XL findings vocabularies, one per {@link LabelLevel}, in the benchmark's column order
 * (codes sorted, as scikit-learn's MultiLabelBinarizer sorts them). Statement texts are the
 * {@code description} column of {@code scp_statements.csv}; subclass and superclass texts are
 * written here. The toolkit ships these frozen ({@link #frozen(LabelLevel)}); {@link #build} makes
 * them anew from a statements table, and a test checks the two agree.
 */
public final class PtbXlVocabularies {
    /** Texts of the five diagnostic superclasses. */
    public static final Map<String, String> SUPERCLASS_TEXTS = Map.of(
            "NORM", "normal ECG", "MI", "myocardial infarction", "STTC", "ST/T change",
            "CD", "conduction disturbance", "HYP", "hypertrophy");

    /** Texts of the 23 diagnostic subclasses. */
    public static final Map<String, String> SUBCLASS_TEXTS = Map.ofEntries(
            Map.entry("AMI", "anterior myocardial infarction"),
            Map.entry("CLBBB", "complete left bundle branch block"),
            Map.entry("CRBBB", "complete right bundle branch block"),
            Map.entry("ILBBB", "incomplete left bundle branch block"),
            Map.entry("IMI", "inferior myocardial infarction"),
            Map.entry("IRBBB", "incomplete right bundle branch block"),
            Map.entry("ISCA", "ischemia in anterior leads"),
            Map.entry("ISCI", "ischemia in inferior leads"),
            Map.entry("ISC_", "non-specific ischemia"),
            Map.entry("IVCD", "non-specific intraventricular conduction disturbance"),
            Map.entry("LAFB/LPFB", "left anterior or left posterior fascicular block"),
            Map.entry("LAO/LAE", "left atrial overload or enlargement"),
            Map.entry("LMI", "lateral myocardial infarction"),
            Map.entry("LVH", "left ventricular hypertrophy"),
            Map.entry("NORM", "normal ECG"),
            Map.entry("NST_", "non-specific ST changes"),
            Map.entry("PMI", "posterior myocardial infarction"),
            Map.entry("RAO/RAE", "right atrial overload or enlargement"),
            Map.entry("RVH", "right ventricular hypertrophy"),
            Map.entry("SEHYP", "septal hypertrophy"),
            Map.entry("STTC", "ST/T change"),
            Map.entry("WPW", "Wolff-Parkinson-White syndrome"),
            Map.entry("_AVB", "atrioventricular block"));

    private PtbXlVocabularies() {
    }

    /** The vocabulary shipped with the toolkit for {@code level}. */
    public static FindingsVocabulary frozen(LabelLevel level) {
        return FindingsVocabulary.resource("ptbxl-" + level.id());
    }

    /** Builds the vocabulary of {@code level} from a statements table. */
    public static FindingsVocabulary build(ScpStatements statements, LabelLevel level) {
        Map<String, String> texts = new TreeMap<>();
        for (ScpStatement s : statements.all()) {
            switch (level) {
                case ALL -> texts.put(s.code(), s.description());
                case DIAGNOSTIC -> put(texts, s.diagnostic(), s.code(), s.description());
                case FORM -> put(texts, s.form(), s.code(), s.description());
                case RHYTHM -> put(texts, s.rhythm(), s.code(), s.description());
                case SUBDIAGNOSTIC -> put(texts, s.diagnostic() && !s.diagnosticSubclass().isEmpty(),
                        s.diagnosticSubclass(), text(SUBCLASS_TEXTS, s.diagnosticSubclass()));
                case SUPERDIAGNOSTIC -> put(texts, s.diagnostic() && !s.diagnosticClass().isEmpty(),
                        s.diagnosticClass(), text(SUPERCLASS_TEXTS, s.diagnosticClass()));
            }
        }
        List<Finding> findings = texts.entrySet().stream().map(e -> Finding.of(e.getKey(), e.getValue())).toList();
        return FindingsVocabulary.of(findings);
    }

    private static void put(Map<String, String> texts, boolean when, String code, String text) {
        if (when) {
            texts.put(code, text);
        }
    }

    private static String text(Map<String, String> known, String code) {
        String t = known.get(code);
        return t == null ? code : t;
    }
}
