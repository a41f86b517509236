/**
 * What {@code ecg inspect} shows about one record: the findings its dataset gives it (PTB-XL's
 * {@code ptbxl_database.csv} row, or a CinC header's {@code #Dx}) and a 12-lead plot in the clinical
 * layout drawn with Java2D, headless. Reading and decoding the record itself is ecg-io's job.
 */
package org.ecgsiglip.cli.inspect;
