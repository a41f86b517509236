package org.ecgsiglip.model.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;

/**
 * The model folders shipped with the toolkit, under {@code models/} in its installation (the repository):
 * {@code --model pretrained:NAME} names {@code models/NAME}. The installation is the system property
 * {@value #HOME_PROPERTY} (the {@code ecg} launcher sets it), else the folder above the toolkit's jars or
 * classes that holds {@code models/}. A shipped folder is verified like any other model folder.
 */
public final class PretrainedModels {
    /** The prefix of a shipped model's name. */
    public static final String PREFIX = "pretrained:";
    /** The system property naming the toolkit's installation folder. */
    public static final String HOME_PROPERTY = "ecg.home";

    private PretrainedModels() {
    }

    /** {@code folder} itself, or the shipped folder it names with {@code pretrained:NAME}. */
    public static Path resolve(Path folder) {
        String s = folder.toString();
        if (!s.startsWith(PREFIX)) {
            return folder;
        }
        String name = s.substring(PREFIX.length());
        Path models = modelsFolder();
        Path dir = models.resolve(name).normalize();
        if (name.isBlank() || !dir.startsWith(models) || !Files.isDirectory(dir)) {
            throw new EcgException(models, null, "no shipped model named '" + (name.length() > 80 ? name.substring(0, 80)
                    : name) + "'", "use one of: " + String.join(", ", names()));
        }
        return dir;
    }

    /** Whether {@code folder} is a shipped model (which toolkit operations must not change). */
    public static boolean isShipped(Path folder) {
        try {
            return folder.toAbsolutePath().normalize().startsWith(modelsFolder());
        } catch (EcgException e) {
            return false;
        }
    }

    /** The names of the shipped models, as {@code pretrained:NAME}. */
    public static List<String> names() {
        try (Stream<Path> s = Files.list(modelsFolder())) {
            return s.filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE))).map(p -> PREFIX + p.getFileName())
                    .sorted().toList();
        } catch (IOException | EcgException e) {
            return List.of();
        }
    }

    /** The {@code models/} folder of the installation. */
    public static Path modelsFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize().resolve("models");
        }
        try {
            Path here = Path.of(PretrainedModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("models")) && Files.exists(p.resolve("ecg"))) {
                    return p.resolve("models").toAbsolutePath().normalize();
                }
            }
        } catch (Exception e) {
            // no code source: fall through
        }
        throw new EcgException(null, "pretrained models", "cannot find the toolkit's models/ folder",
                "run through the ecg launcher, or set -D" + HOME_PROPERTY + "=/path/to/ecg-siglip");
    }
}
