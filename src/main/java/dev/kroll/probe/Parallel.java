package dev.kroll.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one read per item in parallel and waits for all of them up to one common deadline; a read
 * still running then is cancelled (interrupted) and replaced by its failure value, so one slow host
 * never holds up the others.
 */
final class Parallel {

    private Parallel() {
    }

    static <T, R> List<R> map(ExecutorService pool, List<T> items, Function<T, R> read, Duration timeout,
                              BiFunction<T, Throwable, R> failed) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> read.apply(item)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<R> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Future<R> f = futures.get(i);
            try {
                out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                out.add(failed.apply(items.get(i), e));
            } catch (ExecutionException e) {
                out.add(failed.apply(items.get(i), e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                out.add(failed.apply(items.get(i), e));
            }
        }
        return out;
    }
}
