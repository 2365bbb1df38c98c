package dev.kroll.probe;

/**
 * A host's server certificate, read with a TLS handshake on {@code endpoint}.
 *
 * @param endpoint address:port of the TLS listener probed
 */
public record CertificateSnapshot(String host, String endpoint, Reading<CertificateInfo> certificate) {
}
