/**
 * Reads the CSV tables the {@code ecg evaluate} and {@code ecg compare} commands take: scores
 * and truth ({@code record_id,<code1>,<code2>,...}) and record-to-patient groups. Every problem
 * ends in an {@link org.ecgsiglip.eval.EvalInputException} naming the file, line and column.
 * Only reading lives here; computing and reporting do not.
 */
package org.ecgsiglip.eval.csv;
