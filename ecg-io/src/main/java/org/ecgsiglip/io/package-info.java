/**
 * ECG records in physical units, the standard lead order, the one record-reading entry point and
 * the toolkit's typed exceptions; formats, datasets, vocabulary, preprocessing and the cache live in
 * the sub-packages. Nothing here depends on DJL.
 */
package org.ecgsiglip.io;
