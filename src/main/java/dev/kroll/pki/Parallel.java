package dev.kroll.pki;

import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task per host on a few threads and returns the results in input order. */
final class Parallel {

    interface Task<T, R> {
        R run(T item) throws Exception;
    }

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, Task<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
            Thread t = new Thread(r, "kroll-pki");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit((Callable<R>) () -> task.run(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KrollException.failure("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof KrollException k) {
                throw k;
            }
            throw KrollException.failure("reading the host certificates failed: " + Errors.message(c), c);
        } finally {
            pool.shutdownNow();
        }
    }
}
