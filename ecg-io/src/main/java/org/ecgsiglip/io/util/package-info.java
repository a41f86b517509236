/** Small shared helpers: atomic file writes and SHA-256 hashing. No ECG knowledge here. */
package org.ecgsiglip.io.util;
