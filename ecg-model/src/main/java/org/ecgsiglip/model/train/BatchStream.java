package org.ecgsiglip.model.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Assembles the batches of an {@link EpochPlan} on a background thread, a few ahead of the training
 * step, and measures how long the step waited for data (the share a data pipeline must keep small).
 */
public final class BatchStream implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final ExecutorService worker;
    private final Future<?> task;
    private long waitNanos;

    public BatchStream(EpochPlan plan, BatchAssembler assembler, int prefetch) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, prefetch));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ecg-batches");
            t.setDaemon(true);
            return t;
        });
        this.task = worker.submit(() -> {
            try {
                for (int b = 0; b < plan.size(); b++) {
                    queue.put(assembler.assemble(plan.batches().get(b), plan.streams().get(b)));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                queue.clear();
                queue.offer(e);
            }
            return null;
        });
    }

    /** The next batch, or null at the end of the epoch; rethrows what the assembler threw. */
    public HostBatch next() {
        long t0 = System.nanoTime();
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } finally {
            waitNanos += System.nanoTime() - t0;
        }
        if (item == END) {
            queue.offer(END);
            return null;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return (HostBatch) item;
    }

    /** Total time {@link #next()} spent waiting, in seconds. */
    public double waitSeconds() {
        return waitNanos / 1e9;
    }

    @Override
    public void close() {
        task.cancel(true);
        worker.shutdownNow();
    }
}
