package dev.kroll.probe;

import dev.kroll.util.Errors;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Turns a failed read into a few plain words for a status line ({@code connection refused on 10.0.0.2:2181}). */
final class Why {

    private Why() {
    }

    static String failed(Throwable t, String endpoint, Duration timeout) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return "connection refused on " + endpoint;
            }
            if (c instanceof NoRouteToHostException) {
                return "no route to " + endpoint;
            }
            if (c instanceof UnknownHostException) {
                return "unknown host " + Errors.message(c);
            }
            if (c instanceof SocketTimeoutException || c instanceof TimeoutException
                    || c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof org.apache.kafka.common.errors.TimeoutException) {
                return "no answer from " + endpoint + " within " + Durations.brief(timeout);
            }
            if (c instanceof InterruptedException) {
                return "interrupted";
            }
        }
        return Errors.message(t) + " (" + endpoint + ")";
    }
}
