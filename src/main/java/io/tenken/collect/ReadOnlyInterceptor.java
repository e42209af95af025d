package io.tenken.collect;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Lets through exactly the operations the collectors declare ({@link Calls#everyCall()}: each
 * collector's {@code CALLS} and the identity calls); anything else fails in
 * {@code beforeExecution}, before a request is marshalled, signed or sent. A new collector call
 * is allowed by declaring it, once, in its collector's {@code CALLS} (and, for a service not in
 * {@link #SDK_PACKAGES}, adding its SDK package there); {@code ReadOnlyPolicyTest} then names
 * the IAM action the shipped policy needs.
 */
public final class ReadOnlyInterceptor implements ExecutionInterceptor {
    /** IAM service prefix → the SDK's package ({@code software.amazon.awssdk.services.<package>}). */
    public static final Map<String, String> SDK_PACKAGES = Map.ofEntries(
            Map.entry("sts", "sts"), Map.entry("ec2", "ec2"), Map.entry("s3", "s3"), Map.entry("s3control", "s3control"),
            Map.entry("cognito-idp", "cognitoidentityprovider"), Map.entry("cognito-identity", "cognitoidentity"),
            Map.entry("wafv2", "wafv2"), Map.entry("apigateway", "apigateway"), Map.entry("cloudfront", "cloudfront"),
            Map.entry("cloudtrail", "cloudtrail"), Map.entry("logs", "cloudwatchlogs"), Map.entry("monitoring", "cloudwatch"),
            Map.entry("bedrock", "bedrock"), Map.entry("bedrock-agent", "bedrockagent"), Map.entry("iam", "iam"), Map.entry("kms", "kms"),
            Map.entry("organizations", "organizations"), Map.entry("lambda", "lambda"), Map.entry("dynamodb", "dynamodb"),
            Map.entry("guardduty", "guardduty"), Map.entry("securityhub", "securityhub"), Map.entry("config", "config"),
            Map.entry("access-analyzer", "accessanalyzer"), Map.entry("ssm", "ssm"), Map.entry("sns", "sns"),
            Map.entry("cloudwatch", "cloudwatch"), Map.entry("macie2", "macie2"), Map.entry("inspector2", "inspector2"));

    private static volatile Set<String> allowed;

    private final Set<String> extraAllowed;

    public ReadOnlyInterceptor() {
        this(Set.of());
    }

    private ReadOnlyInterceptor(Set<String> extraAllowed) {
        this.extraAllowed = extraAllowed;
    }

    /** An interceptor that also lets the named operations through (e.g. sts AssumeRole for credentials). */
    public static ReadOnlyInterceptor allowing(String... operations) {
        return new ReadOnlyInterceptor(Set.of(operations));
    }

    /** {@code "<sdk package>:<Operation>"} for every declared call. */
    static Set<String> allowed() {
        Set<String> a = allowed;
        if (a == null) {
            Set<String> out = new HashSet<>();
            List<Calls.Call> calls = new java.util.ArrayList<>(Calls.everyCall());
            calls.addAll(Calls.ORGANIZATION);
            for (Calls.Call c : calls) {
                String pkg = SDK_PACKAGES.get(c.apiService());
                if (pkg == null) {
                    throw new IllegalStateException(c.service() + " declares " + c.operation() + " of service '"
                            + c.apiService() + "', which ReadOnlyInterceptor.SDK_PACKAGES does not map");
                }
                out.add(key(pkg, c.apiOperation()));
            }
            allowed = a = Set.copyOf(out);
        }
        return a;
    }

    /** Whether a collector declared this operation of the service in the SDK package {@code sdkPackage}. */
    public static boolean allows(String sdkPackage, String operation) {
        return operation != null && allowed().contains(key(sdkPackage, operation));
    }

    /** Case-insensitive: the SDK spells some operations differently from the API (ListIpSets, ListIPSets). */
    private static String key(String sdkPackage, String operation) {
        return (sdkPackage + ":" + operation).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null) {
            operation = operationOf(context.request());
        }
        String pkg = packageOf(context.request());
        if (extraAllowed.contains(operation) || allows(pkg, operation)) {
            return;
        }
        throw new WriteAttemptException("refused to send " + pkg + " " + operation
                + ": not a read the collectors declare (Tenken is read-only)");
    }

    static String packageOf(SdkRequest request) {
        String n = request.getClass().getName();
        String prefix = "software.amazon.awssdk.services.";
        if (!n.startsWith(prefix)) {
            return "?";
        }
        String rest = n.substring(prefix.length());
        return rest.substring(0, rest.indexOf('.'));
    }

    private static String operationOf(SdkRequest request) {
        String n = request.getClass().getSimpleName();
        return n.endsWith("Request") ? n.substring(0, n.length() - "Request".length()) : n;
    }

    /** Thrown for a request that is not a declared read. */
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
}
