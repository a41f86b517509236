/**
 * Labelled datasets over a frozen vocabulary, the report of what loading left out, and splits
 * (by fold, or seeded and label-stratified). Reading signals and dataset-specific tables happen
 * elsewhere ({@code ptbxl}, {@code cinc}).
 */
package org.ecgsiglip.io.dataset;
