/**
 * Findings and frozen findings vocabularies (code, text, abbreviation, equivalent codes), saved as
 * JSON with every model; the PTB-XL and CinC vocabularies ship as resources. Label matrices and
 * text encoding live elsewhere.
 */
package org.ecgsiglip.io.findings;
