/**
 * WFDB (PhysioNet) records: the header model and parser, the signal storage formats, and readers for
 * single- and multi-segment records that verify every decoded signal's checksum and initial value.
 * Annotation files are not read here.
 */
package org.ecgsiglip.io.wfdb;
