package dev.kroll.probe;

import java.time.Instant;

/**
 * The certificate a host's TLS listener presents.
 *
 * @param daysToExpiry whole days left at the time it was read (negative once expired)
 * @param trusted      whether the chain verified against the trust store kroll was given
 * @param trustProblem why it did not verify, in plain words, or null
 */
public record CertificateInfo(String subject, String issuer, Instant notAfter, long daysToExpiry,
                              boolean trusted, String trustProblem) {
}
