/**
 * PTB-XL: the database and statements tables (with a real parser for the Python-dict
 * {@code scp_codes}), the six benchmark label levels and their frozen vocabularies, and the loader
 * that turns them into a labelled dataset. Signals are read by {@code RecordReader}.
 */
package org.ecgsiglip.io.ptbxl;
