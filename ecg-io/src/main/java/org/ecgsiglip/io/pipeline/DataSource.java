package org.ecgsiglip.io.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.dataset.LabeledDataset;

/**
 * Where a run's records and findings come from: a dataset root and how to read its labels. Every
 * record gets a fold number, so that {@link Folds} split any source the same way.
 */
public sealed interface DataSource permits PtbXlSource, CincDataSource {

    /** The dataset's root folder. */
    Path root();

    /** A short name with the label level, e.g. {@code ptbxl-superdiagnostic}, {@code cinc2021-scored}. */
    String name();

    /** Reads the records and their findings (every fold). */
    LabeledDataset load();

    /** The tables that define the labels (hashed for provenance), relative to {@link #root()}. */
    List<String> tables();

    /** Everything that defines this source, as JSON (the root as an absolute, normalised path). */
    ObjectNode toJson();
}
