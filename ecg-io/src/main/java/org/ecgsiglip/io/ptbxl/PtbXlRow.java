package org.ecgsiglip.io.ptbxl;

import java.util.Map;

/**
 * The columns of one {@code ptbxl_database.csv} row that the toolkit uses.
 *
 * @param line 1-based line in the CSV
 * @param ecgId the {@code ecg_id}
 * @param patientId the {@code patient_id} without its trailing {@code .0}
 * @param scpCodes parsed {@code scp_codes}: code to likelihood, in written order
 * @param fold the {@code strat_fold} (1-10)
 * @param filenameLr the {@code filename_lr} (100 Hz record, relative, no suffix)
 * @param filenameHr the {@code filename_hr} (500 Hz record)
 */
public record PtbXlRow(int line, int ecgId, String patientId, Map<String, Double> scpCodes, int fold,
        String filenameLr, String filenameHr) {

    public PtbXlRow {
        scpCodes = Map.copyOf(scpCodes);
    }
}
