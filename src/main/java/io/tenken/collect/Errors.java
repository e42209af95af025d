package io.tenken.collect;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Turns SDK exceptions into an error code: AWS's own, else "HTTP nnn", else the client failure. */
public final class Errors {
    private Errors() {
    }

    public static String code(Throwable t) {
        if (t instanceof AwsServiceException a && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorCode() != null && !a.awsErrorDetails().errorCode().isBlank()) {
            return a.awsErrorDetails().errorCode();
        }
        if (t instanceof SdkServiceException s && s.statusCode() > 0) {
            // e.g. moto answers AccessDenied for JSON-protocol services as XML: no code, status 403.
            return "HTTP " + s.statusCode();
        }
        if (t instanceof SdkException && t.getCause() != null && t.getCause() != t) {
            return t.getClass().getSimpleName() + "/" + t.getCause().getClass().getSimpleName();
        }
        return t.getClass().getSimpleName();
    }

    public static int status(Throwable t) {
        return t instanceof SdkServiceException s ? s.statusCode() : 0;
    }

    public static boolean isAccessDenied(String code) {
        return code != null && (code.equals("HTTP 403") || code.contains("AccessDenied")
                || code.equals("UnauthorizedOperation") || code.equals("AuthorizationError")
                || code.equals("NotAuthorized"));
    }

    /**
     * For "no credentials": the reason the chosen source gave, not the SDK's dump of every
     * provider it tried (which a 300-character cut leaves unreadable).
     */
    public static java.util.Optional<io.tenken.findings.Message> credentialsProblem(Throwable t) {
        String m = t.getMessage();
        if (m == null || !m.startsWith("Unable to load credentials")) {
            return java.util.Optional.empty();
        }
        // "... : [SystemPropertyCredentialsProvider(): reason, ProfileCredentialsProvider(...): reason, ...]"
        int profile = m.indexOf("ProfileCredentialsProvider(");
        int reason = profile < 0 ? -1 : m.indexOf("): ", profile);
        if (reason >= 0) {
            String r = m.substring(reason + 3);
            int end = r.indexOf(", WebIdentity");
            int end2 = r.indexOf(", ContainerCredentialsProvider");
            int cut = end >= 0 && end2 >= 0 ? Math.min(end, end2) : Math.max(end, end2);
            r = (cut >= 0 ? r.substring(0, cut) : r).replaceAll("\\s+", " ").trim();
            return java.util.Optional.of(io.tenken.findings.Message.of("error.noUsableCredentials",
                    r.length() > 400 ? r.substring(0, 400) + "..." : r));
        }
        return java.util.Optional.of(io.tenken.findings.Message.of("error.noCredentials"));
    }

    public static String message(Throwable t) {
        String m = t instanceof AwsServiceException a && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorMessage() != null ? a.awsErrorDetails().errorMessage() : t.getMessage();
        if (m == null) {
            return "";
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
