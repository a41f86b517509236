/**
 * The PhysioNet/CinC Challenge 2020/2021 metric: the {@code weights.csv} reward matrix over the
 * scored classes (equivalent codes merged), each record's confusion matrix normalised by
 * {@code |labels ∪ outputs|}, the observed, perfect and inactive (sinus rhythm only) scores and the
 * normalised score, with a seeded bootstrap interval and a paired comparison of two sets of
 * outputs; and carrying a PTB-XL model's scores over to the CinC classes. Reading records and
 * the PTB-XL-to-SNOMED table live in {@code org.ecgsiglip.io.cinc}; nothing here needs DJL.
 */
package org.ecgsiglip.eval.challenge;
