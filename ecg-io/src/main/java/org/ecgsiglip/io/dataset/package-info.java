/**
 * Labelled datasets over a frozen vocabulary, the report of what loading left out, splits (by fold,
 * or seeded and label-stratified) and fold numbers for datasets without their own (seeded
 * stratified k-fold, or a user's split file). Reading signals and dataset-specific tables happen
 * elsewhere ({@code ptbxl}, {@code cinc}).
 */
package org.ecgsiglip.io.dataset;
