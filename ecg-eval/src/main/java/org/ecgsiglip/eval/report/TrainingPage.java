package org.ecgsiglip.eval.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The HTML page of {@link TrainingCurves}: the panels inline and the numbers by epoch. */
final class TrainingPage {
    private TrainingPage() {
    }

    static String of(String title, List<TrainingCurves.Series> series, Integer chosenEpoch, byte[] png) {
        StringBuilder sb = new StringBuilder(HtmlReport.head(Formats.html(title)));
        sb.append("<p>").append(series.size()).append(" series by epoch");
        if (chosenEpoch != null) {
            sb.append("; the chosen epoch, <b>").append(chosenEpoch)
                    .append("</b>, is marked by a dashed red line and its row below is bold");
        }
        sb.append(".</p>\n<img alt=\"training curves\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<table><tr><th>epoch</th>");
        TreeSet<Integer> epochs = new TreeSet<>();
        for (TrainingCurves.Series s : series) {
            sb.append("<th>").append(Formats.html(s.name())).append("</th>");
            for (int e : s.epochs()) {
                epochs.add(e);
            }
        }
        sb.append("</tr>\n");
        for (int e : epochs) {
            boolean chosen = chosenEpoch != null && e == chosenEpoch;
            sb.append(chosen ? "<tr style=\"font-weight:bold\">" : "<tr>").append("<td class=\"n\">").append(e)
                    .append("</td>");
            for (TrainingCurves.Series s : series) {
                sb.append("<td class=\"n\">").append(value(s, e)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String value(TrainingCurves.Series s, int epoch) {
        int[] epochs = s.epochs();
        double[] values = s.values();
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] == epoch && !Double.isNaN(values[i])) {
                return String.format(Locale.ROOT, "%.6g", values[i]);
            }
        }
        return "–";
    }
}
