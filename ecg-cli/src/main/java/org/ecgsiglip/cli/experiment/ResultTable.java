package org.ecgsiglip.cli.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table of text cells rendered three ways: aligned plain text (for the terminal), a
 * Markdown table and an HTML table. The first column is left-aligned, the others right-aligned.
 */
final class ResultTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row of " + row.size() + " cells in a table of " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    String text() {
        int[] width = new int[header.size()];
        for (List<String> r : all()) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : all()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell).append(c + 1 < r.size() ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        sb.append('|');
        for (int c = 0; c < header.size(); c++) {
            sb.append(c == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        rows.forEach(r -> row(sb, r));
        return sb.toString();
    }

    String html() {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int c = 0; c < r.size(); c++) {
                sb.append(c == 0 ? "<td>" : "<td class=\"n\">").append(escape(r.get(c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|")).append(" |"));
        sb.append('\n');
    }
}
