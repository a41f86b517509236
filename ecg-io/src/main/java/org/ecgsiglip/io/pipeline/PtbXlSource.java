package org.ecgsiglip.io.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;

/**
 * PTB-XL in its original layout at one label level; folds are the table's {@code strat_fold}.
 *
 * @param root the folder with {@code ptbxl_database.csv}
 * @param level the label level
 * @param samplingRate which files to read: 100 ({@code records100}) or 500 Hz ({@code records500})
 * @param ignoreUnknownCodes skip (and count) SCP codes missing from {@code scp_statements.csv}
 */
public record PtbXlSource(Path root, LabelLevel level, int samplingRate, boolean ignoreUnknownCodes)
        implements DataSource {

    public PtbXlSource {
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(level, "level");
        options(samplingRate, ignoreUnknownCodes); // checks the rate
    }

    @Override
    public String name() {
        return "ptbxl-" + level.id();
    }

    @Override
    public LabeledDataset load() {
        return PtbXl.load(root, level, options(samplingRate, ignoreUnknownCodes));
    }

    @Override
    public List<String> tables() {
        return List.of("ptbxl_database.csv", "scp_statements.csv");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("kind", "ptb-xl");
        n.put("root", root.toString());
        n.put("level", level.id());
        n.put("sampling_rate", samplingRate);
        n.put("ignore_unknown_codes", ignoreUnknownCodes);
        return n;
    }

    private static PtbXl.Options options(int hz, boolean ignoreUnknown) {
        return PtbXl.Options.defaults().withSamplingRate(hz).withIgnoreUnknownCodes(ignoreUnknown);
    }
}
