package org.rapaio.jupyter.kernel.channels;

/**
 * A replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1 (MIT License, Copyright
 * 2023 Aurelian Tutuianu; see notebooks/kernel/NOTICE.md for the licence and what was checked against
 * the kernel's source), compiled by {@code setup-kernel.sh} and put on the kernel's class path ahead of
 * the kernel jar.
 *
 * <p>Why: in 3.0.1 (as in every release from 1.0.0 to 3.0.4) {@code start()} raises the loop flag only
 * after {@link Thread#start()} returns. When the new
 * thread reaches its first check before that (common on a busy 2-core machine), the loop of the
 * shell, control or heartbeat channel ends at once, the kernel never answers {@code kernel_info},
 * and {@code jupyter nbconvert} gives up with "Kernel didn't respond in 60 seconds" (about one
 * start in three here). A message that reaches the shell before the kernel has registered its
 * handlers also threw out of the loop and ended it.
 *
 * <p>This version raises the flag before the thread starts and keeps looping when one pass of the
 * body throws (the pass is reported on stderr; Jupyter clients resend {@code kernel_info} until
 * they get an answer). Same public constructor and methods as the original, so the kernel's
 * channels use it unchanged.
 */
public final class LoopThread extends Thread {
    private volatile boolean running;
    private final long sleepMillis;
    private final Runnable body;

    public LoopThread(String name, long sleepMillis, Runnable body) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.body = body;
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                body.run();
            } catch (RuntimeException e) {
                System.err.println(getName() + ": one pass of the channel loop failed and is skipped: " + e);
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the loop after the current pass. */
    public void shutdown() {
        running = false;
    }
}
