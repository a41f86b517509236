package org.ecgsiglip.io.preprocess;

/** Just enough complex arithmetic for filter design. */
record Complex(double re, double im) {

    static Complex polar(double r, double theta) {
        return new Complex(r * Math.cos(theta), r * Math.sin(theta));
    }

    Complex add(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex sub(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex mul(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex div(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    Complex scale(double s) {
        return new Complex(re * s, im * s);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    /** The principal square root. */
    Complex sqrt() {
        double r = Math.hypot(re, im);
        double a = Math.sqrt((r + re) / 2);
        double b = Math.copySign(Math.sqrt(Math.max(0, (r - re) / 2)), im);
        return new Complex(a, b);
    }

    /** Real parts of the coefficients of {@code prod (x - r_k)}, highest power first. */
    static double[] poly(Complex[] roots) {
        Complex[] c = new Complex[roots.length + 1];
        c[0] = new Complex(1, 0);
        for (int i = 1; i < c.length; i++) {
            c[i] = new Complex(0, 0);
        }
        for (int k = 0; k < roots.length; k++) {
            for (int i = k + 1; i >= 1; i--) {
                c[i] = c[i].sub(c[i - 1].mul(roots[k]));
            }
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].re;
        }
        return out;
    }
}
