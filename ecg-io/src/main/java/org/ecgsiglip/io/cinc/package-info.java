/**
 * PhysioNet/CinC Challenge 2020/2021 records: {@code #Dx}/{@code #Age}/{@code #Sex} header comments,
 * the SNOMED-CT mapping tables, the 2021 scored classes with equivalent codes merged, the loader for
 * one or several roots in the 2020 and 2021 layouts with each record's source database, folds
 * stratified by source, and the mapping of PTB-XL SCP statements to the scored classes. Scoring
 * itself (the Challenge metric) is in {@code org.ecgsiglip.eval.challenge}, not here.
 */
package org.ecgsiglip.io.cinc;
