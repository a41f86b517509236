/**
 * MATLAB version 4 matrix files as PhysioNet and the CinC Challenge store ECG signals in them. Only
 * the plain numeric matrix case is read; MATLAB 5+ files are refused with a clear error.
 */
package org.ecgsiglip.io.mat;
