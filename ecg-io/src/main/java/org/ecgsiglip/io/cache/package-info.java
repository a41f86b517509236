/**
 * The on-disk signal cache: preprocessed records of a dataset in one memory-mapped float32 or
 * float16 file plus a JSON index, built atomically and resumably, read thread-safely. It stores
 * signals only; labels come from the dataset.
 */
package org.ecgsiglip.io.cache;
