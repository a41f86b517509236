/**
 * ECG records in physical units and the toolkit's error type; the readers, datasets, vocabulary,
 * preprocessing and cache live in the sub-packages. Nothing here depends on DJL.
 */
package org.ecgsiglip.io;
