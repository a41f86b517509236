package org.ecgsiglip.eval;

import java.util.Locale;
import java.util.Optional;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;

/** Renders an evaluation as a fixed-width text table for {@link Evaluation#toString()}. */
final class TextTable {
    private TextTable() {
    }

    static String of(Evaluation e) {
        int w = "finding".length();
        for (FindingMetrics f : e.perFinding()) {
            w = Math.max(w, f.code().length());
        }
        Optional<Calibration> cal = e.calibration();
        String head = "%-" + w + "s %7s %7s %7s %7s %9s %9s %9s %9s";
        String row = "%-" + w + "s %7d %7d %7d %7d %9s %9s %9s %9s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, head, "finding", "n", "tp", "fp", "fn", "precision", "recall", "F1",
                "threshold"));
        cal.ifPresent(c -> sb.append(String.format(Locale.ROOT, " %9s %9s", "Brier", "ECE")));
        sb.append('\n');
        for (int k = 0; k < e.perFinding().size(); k++) {
            FindingMetrics f = e.perFinding().get(k);
            sb.append(String.format(Locale.ROOT, row, f.code(), f.support(), f.tp(), f.fp(), f.fn(),
                    num(f.precision()), num(f.recall()), num(f.f1()), num(f.threshold())));
            if (cal.isPresent()) {
                FindingCalibration fc = cal.get().perFinding().get(k);
                sb.append(String.format(Locale.ROOT, " %9s %9s", num(fc.brier()), num(fc.ece(cal.get().headline()))));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "micro F1 %s  macro F1 %s  weighted F1 %s  samples F1 %s"
                        + "  macro AUROC %s  macro AUPRC %s  (%d records)%n",
                num(e.microF1()), num(e.macroF1()), num(e.weightedF1()), num(e.samplesF1()),
                num(e.macroAuroc()), num(e.macroAuprc()), e.provenance().records()));
        cal.ifPresent(c -> sb.append(String.format(Locale.ROOT,
                "macro Brier %s  macro ECE %s  pooled Brier %s  pooled ECE %s  (ECE over %s)%n",
                num(c.macroBrier()), num(c.macroEce()), num(c.pooledBrier()), num(c.pooledEce()),
                c.headline().words())));
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
