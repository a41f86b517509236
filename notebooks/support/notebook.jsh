// Helpers shared by the notebooks; each notebook's first cell loads this file with %load.
// Plain JShell for the rapaio kernel: imports and a few methods for showing tables and plots inline.
// (A loaded file does not get the kernel's implicit display(...); it is imported from the kernel here.)
import static org.rapaio.jupyter.kernel.global.Global.display;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.*;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import tech.tablesaw.api.Table;

/** The repository root: the notebooks run with notebooks/ as their working directory. */
Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("notebooks"))) {
            return p;
        }
    }
    throw new IllegalStateException("run the notebooks from the repository's notebooks/ folder (working directory: "
            + Path.of("").toAbsolutePath() + ")");
}

/** Shows PNG bytes inline, as the toolkit's report plots (org.ecgsiglip.eval.report.Plots) return them. */
void showPng(byte[] png) {
    try {
        display(ImageIO.read(new ByteArrayInputStream(png)));
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
}

/** System.out.printf with Locale.ROOT; void, so that the kernel has no PrintStream to show as a cell's value. */
void printf(String format, Object... args) {
    System.out.print(String.format(Locale.ROOT, format, args));
}

/** Shows an image inline as a PNG (display(...) would also print the display's id as the cell's value). */
void show(java.awt.image.BufferedImage image) {
    display(image);
}

/** Shows an XChart chart inline as a PNG. */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    display(BitmapEncoder.getBufferedImage(chart));
}

/** A Tablesaw table as HTML: doubles with 4 decimals, missing values left empty. */
String html(Table table) {
    StringBuilder sb = new StringBuilder("<table><caption>").append(escape(table.name())).append("</caption><tr>");
    for (String name : table.columnNames()) {
        sb.append("<th>").append(escape(name)).append("</th>");
    }
    sb.append("</tr>");
    for (int r = 0; r < table.rowCount(); r++) {
        sb.append("<tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            var column = table.column(c);
            String cell = column.isMissing(r) ? ""
                    : column.get(r) instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
                    : String.valueOf(column.get(r));
            sb.append("<td>").append(escape(cell)).append("</td>");
        }
        sb.append("</tr>");
    }
    return sb.append("</table>").toString();
}

String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
}

/** Shows a Tablesaw table inline as an HTML table (and its text form for plain-text viewers). */
void show(Table table) {
    display("text/html", html(table));
}

/**
 * An empty folder for a notebook's outputs under notebooks/executed/ (git ignores it): deleted first
 * when it exists, so that re-running a notebook starts afresh. Refuses any folder elsewhere.
 */
Path freshFolder(String relativeToExecuted) {
    Path executed = repositoryRoot().resolve("notebooks/executed").normalize();
    Path dir = executed.resolve(relativeToExecuted).normalize();
    if (!dir.startsWith(executed) || dir.equals(executed)) {
        throw new IllegalArgumentException(dir + " is not a folder under " + executed);
    }
    try {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
}
