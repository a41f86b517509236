/**
 * PhysioNet/CinC Challenge 2020/2021 records: {@code #Dx}/{@code #Age}/{@code #Sex} header comments,
 * the SNOMED-CT mapping tables, the 2021 scored classes with equivalent codes merged, and the loader.
 * Scoring itself (the challenge metric) is not here.
 */
package org.ecgsiglip.io.cinc;
