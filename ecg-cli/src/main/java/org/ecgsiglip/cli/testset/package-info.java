/**
 * What {@code ecg test} scores: the labelled records of a dataset chosen for a model (its own test
 * folds, or another dataset whole), how the model's findings meet the dataset's (its own, PTB-XL
 * statements carried over to the CinC classes, zero-shot texts, or left out, with the reason), the
 * scoring of the records through the model's own pipeline, and the summary it writes. The metrics are
 * ecg-eval's; nothing here trains.
 */
package org.ecgsiglip.cli.testset;
