/**
 * {@code ecg download}: fetches a dataset over HTTP(S) for users who have internet, resumably
 * ({@code Range} requests on {@code .part} files) and verified file by file against the dataset's own
 * {@code SHA256SUMS.txt}. This package is the only code of the toolkit that opens a network
 * connection, and only when that command is run.
 */
package org.ecgsiglip.cli.download;
