package io.tenken.checks;

/** CloudFront security policy names (TLSv1, TLSv1.1_2016, TLSv1.2_2021, TLSv1.3_2025, ...). */
public final class TlsVersions {
    private TlsVersions() {
    }

    /** True for a security policy whose minimum protocol is TLS 1.2 or newer. */
    public static boolean atLeastTls12(String securityPolicy) {
        if (securityPolicy == null) {
            return false;
        }
        String p = securityPolicy.toUpperCase(java.util.Locale.ROOT);
        return p.startsWith("TLSV1.2") || p.startsWith("TLSV1.3");
    }
}
