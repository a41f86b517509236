/**
 * Small shared helpers: atomic file writes with typed, explained failures, bounded and checked text
 * reading, quoting of bad input for messages, SHA-256 hashing. No ECG knowledge here.
 */
package org.ecgsiglip.io.util;
