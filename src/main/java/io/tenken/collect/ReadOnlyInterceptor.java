package io.tenken.collect;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Lets only read operations through: anything that is not Describe*, Get*, List*, Head*,
 * GenerateCredentialReport, BatchGetAccountStatus (or an operation explicitly allowed for one client, such as
 * sts:AssumeRole for the credentials client) fails in {@code beforeExecution}, before a
 * request is marshalled, signed or sent.
 */
public final class ReadOnlyInterceptor implements ExecutionInterceptor {
    private static final String[] READ_PREFIXES = {"Describe", "Get", "List", "Head", "Lookup"};
    private static final Set<String> READ_OPERATIONS = Set.of("GenerateCredentialReport", "BatchGetAccountStatus");
    /** Read-sounding names that change state or disclose object data; refused outright. */
    private static final Set<String> REFUSED = Set.of("GetObject", "GetObjectTorrent", "GetSecretValue",
            "GetParameter", "GetParameters", "GetParametersByPath", "GetFederationToken", "GetSessionToken");

    private final Set<String> extraAllowed;

    public ReadOnlyInterceptor() {
        this(Set.of());
    }

    private ReadOnlyInterceptor(Set<String> extraAllowed) {
        this.extraAllowed = extraAllowed;
    }

    /** An interceptor that also lets the named operations through (e.g. AssumeRole). */
    public static ReadOnlyInterceptor allowing(String... operations) {
        return new ReadOnlyInterceptor(Set.of(operations));
    }

    public static boolean isReadOnly(String operation) {
        if (operation == null || REFUSED.contains(operation)) {
            return false;
        }
        if (READ_OPERATIONS.contains(operation)) {
            return true;
        }
        for (String p : READ_PREFIXES) {
            if (operation.startsWith(p) && operation.length() > p.length()
                    && Character.isUpperCase(operation.charAt(p.length()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null) {
            operation = operationOf(context.request());
        }
        if (extraAllowed.contains(operation) || isReadOnly(operation)) {
            return;
        }
        String service = attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        throw new WriteAttemptException("refused to send " + service + " " + operation
                + ": Tenken is read-only and only sends Describe/Get/List/Head calls");
    }

    private static String operationOf(SdkRequest request) {
        String n = request.getClass().getSimpleName();
        return n.endsWith("Request") ? n.substring(0, n.length() - "Request".length()) : n;
    }

    /** Thrown for a request that is not a read. */
    public static final class WriteAttemptException extends software.amazon.awssdk.core.exception.SdkClientException {
        private static final long serialVersionUID = 1L;

        WriteAttemptException(String message) {
            super(software.amazon.awssdk.core.exception.SdkClientException.builder().message(message));
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
