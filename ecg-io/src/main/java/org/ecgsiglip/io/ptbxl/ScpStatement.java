package org.ecgsiglip.io.ptbxl;

/**
 * One row of PTB-XL's {@code scp_statements.csv}.
 *
 * @param code the SCP-ECG statement code (first, unnamed column), e.g. {@code CLBBB}
 * @param description the {@code description} column, e.g. "complete left bundle branch block"
 * @param diagnostic the {@code diagnostic} column is 1
 * @param form the {@code form} column is 1
 * @param rhythm the {@code rhythm} column is 1
 * @param diagnosticClass the {@code diagnostic_class} (superclass: NORM, MI, STTC, CD, HYP), or empty
 * @param diagnosticSubclass the {@code diagnostic_subclass}, or empty
 * @param category the {@code Statement Category} column
 */
public record ScpStatement(String code, String description, boolean diagnostic, boolean form, boolean rhythm,
        String diagnosticClass, String diagnosticSubclass, String category) {
}
