package org.ecgsiglip.eval;

/**
 * Arg-sort of a {@code double[]} into descending order without boxing: a bottom-up merge sort of
 * record indices (runs of 32 sorted by insertion first). Stable, so equal scores keep their
 * record order, and O(n log n) for any input, all-equal scores included.
 */
final class IndexSort {
    private static final int RUN = 32;

    private IndexSort() {
    }

    /** Indices of {@code values} ordered by decreasing value; equal values keep index order. */
    static int[] descending(double[] values) {
        int n = values.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int lo = 0; lo < n; lo += RUN) {
            insertion(a, values, lo, Math.min(lo + RUN, n));
        }
        int[] b = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(a, b, values, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private static void insertion(int[] a, double[] v, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            int x = a[i];
            double key = v[x];
            int j = i - 1;
            while (j >= lo && v[a[j]] < key) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private static void merge(int[] src, int[] dst, double[] v, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            // take from the right run only when strictly greater: keeps the sort stable
            dst[o++] = v[src[j]] > v[src[i]] ? src[j++] : src[i++];
        }
        while (i < mid) {
            dst[o++] = src[i++];
        }
        while (j < hi) {
            dst[o++] = src[j++];
        }
    }
}
