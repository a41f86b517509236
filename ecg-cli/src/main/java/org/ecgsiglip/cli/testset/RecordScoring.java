package org.ecgsiglip.cli.testset;

import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.model.predict.Predictor;

/**
 * Scores a dataset's records with a model: over the model's own findings in batches
 * ({@link Predictor#scoreStored}, the path validation takes), and, for a SigLIP model, against extra
 * finding texts one record at a time ({@link Predictor#scoreTexts}). Each record is read once; rows
 * are the dataset's records in its order, named by the dataset's record ids.
 *
 * @param model scores over the model's vocabulary
 * @param texts scores over the extra texts (columns named by {@code textCodes}), no columns when none
 */
public record RecordScoring(ScoreMatrix model, ScoreMatrix texts) {
    /** Records read and prepared per batch. */
    static final int BATCH = 64;

    /** Scores every record of {@code data}; {@code textCodes} name the columns of {@code texts}. */
    public static RecordScoring of(Predictor predictor, LabeledDataset data, List<String> texts, List<String> textCodes) {
        int n = data.size();
        List<String> ids = new ArrayList<>(n);
        double[][] own = new double[n][];
        double[][] extra = new double[n][];
        int leads = predictor.pipeline().leads();
        int length = predictor.pipeline().storedLength();
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            float[][] prepared = new float[count][];
            for (int b = 0; b < count; b++) {
                var r = data.records().get(start + b);
                EcgRecord record = RecordReader.read(r.recordPath());
                ids.add(r.recordId());
                prepared[b] = predictor.pipeline().prepare(record);
                extra[start + b] = texts.isEmpty() ? new double[0] : predictor.scoreTexts(record, texts);
            }
            double[][] part = predictor.scoreStored(SignalSource.inMemory(prepared, leads, length), count);
            System.arraycopy(part, 0, own, start, count);
        }
        return new RecordScoring(new ScoreMatrix(ids, predictor.vocabulary().codes(), own),
                new ScoreMatrix(ids, textCodes, extra));
    }
}
