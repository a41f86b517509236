package org.ecgsiglip.eval;

import java.util.Locale;

/** Renders an evaluation as a fixed-width text table for {@link Evaluation#toString()}. */
final class TextTable {
    private TextTable() {
    }

    static String of(Evaluation e) {
        int w = "finding".length();
        for (FindingMetrics f : e.perFinding()) {
            w = Math.max(w, f.code().length());
        }
        String head = "%-" + w + "s %7s %7s %7s %7s %9s %9s %9s %9s%n";
        String row = "%-" + w + "s %7d %7d %7d %7d %9s %9s %9s %9s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, head, "finding", "n", "tp", "fp", "fn", "precision", "recall", "F1",
                "threshold"));
        for (FindingMetrics f : e.perFinding()) {
            sb.append(String.format(Locale.ROOT, row, f.code(), f.support(), f.tp(), f.fp(), f.fn(),
                    num(f.precision()), num(f.recall()), num(f.f1()), num(f.threshold())));
        }
        sb.append(String.format(Locale.ROOT, "micro F1 %s  macro F1 %s  weighted F1 %s  samples F1 %s"
                        + "  macro AUROC %s  macro AUPRC %s  (%d records)%n",
                num(e.microF1()), num(e.macroF1()), num(e.weightedF1()), num(e.samplesF1()),
                num(e.macroAuroc()), num(e.macroAuprc()), e.provenance().records()));
        e.intervals().ifPresent(i -> {
            ConfidenceInterval ci = i.of(Average.MACRO_F1);
            sb.append(String.format(Locale.ROOT, "macro F1 %.0f%% CI [%s, %s] (%s)%n", 100 * ci.level(),
                    num(ci.lower()), num(ci.upper()), i.bootstrap()));
        });
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
