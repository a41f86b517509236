/**
 * The PhysioNet/CinC Challenge score in the commands: which reward table ({@code --challenge-weights
 * FILE} or the bundled {@code --metric challenge2021}), the score of one set of binary outputs with its
 * bootstrap interval, the paired difference of two, and their {@code challenge.json}. The metric itself
 * is {@code org.ecgsiglip.eval.challenge}; this package only applies it to the commands' score tables
 * and says which classes had no output and which columns were not scored.
 */
package org.ecgsiglip.cli.challenge;
