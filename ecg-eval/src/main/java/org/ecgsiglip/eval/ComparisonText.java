package org.ecgsiglip.eval;

import java.util.List;
import java.util.Locale;

/** Fixed-width text for {@link PairedComparison#toString()}. */
final class ComparisonText {
    private ComparisonText() {
    }

    static String of(PairedComparison c) {
        List<String> codes = c.codes();
        int w = "finding".length();
        for (String code : codes) {
            w = Math.max(w, code.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "B = %s vs A = %s, %s%n", c.nameB(), c.nameA(), c.bootstrap()));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %7s %8s %8s %9s %21s %8s %8s%n", "finding", "n",
                "F1 A", "F1 B", "delta", "CI", "p", "p Holm"));
        List<Difference> f1 = c.perFinding(Metric.F1);
        for (int k = 0; k < codes.size(); k++) {
            Difference d = f1.get(k);
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %7d %8s %8s %9s %21s %8s %8s%n", codes.get(k),
                    c.a().perFinding().get(k).support(), num(c.a().perFinding().get(k).f1()),
                    num(c.b().perFinding().get(k).f1()), signed(d.estimate()), ci(d), num(d.pValue()),
                    num(d.adjustedP())));
        }
        for (Average a : List.of(Average.MACRO_F1, Average.MICRO_F1, Average.MACRO_AUROC)) {
            Difference d = c.average(a);
            sb.append(String.format(Locale.ROOT, "%s: A %s, B %s, delta %s, %.0f%% CI %s, p %s%n", a.key(),
                    num(c.a().average(a)), num(c.b().average(a)), signed(d.estimate()), 100 * d.level(), ci(d),
                    num(d.pValue())));
        }
        return sb.toString();
    }

    private static String ci(Difference d) {
        return "[" + signed(d.lower()) + ", " + signed(d.upper()) + "]";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
