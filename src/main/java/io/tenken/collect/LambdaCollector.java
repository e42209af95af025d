package io.tenken.collect;

import io.tenken.facts.LambdaFunction;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Lambda functions (ListFunctions) and their resource-based policies (GetPolicy). */
public final class LambdaCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("lambda")
            .lists("ListFunctions", "lambda:ListFunctions", LambdaFunction.class)
            .fills("GetPolicy", "lambda:GetPolicy", LambdaFunction.class, "policyJson");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        LambdaClient c = run.clients().lambda(region);
        List<FunctionConfiguration> functions = run.call(region, "ListFunctions", null,
                () -> c.listFunctionsPaginator(r -> r.maxItems(50)).functions().stream().toList());
        if (functions == null) {
            return;
        }
        run.forEach(functions, f -> {
            // No policy at all is an answer (ResourceNotFoundException), not a failure.
            var policy = run.callOrAbsent(region, "GetPolicy", f.functionArn(),
                    () -> c.getPolicy(r -> r.functionName(f.functionName())).policy(), "ResourceNotFoundException");
            // A failed GetPolicy is recorded against the function: its verdicts become ERROR.
            String logGroup = f.loggingConfig() != null && f.loggingConfig().logGroup() != null
                    ? f.loggingConfig().logGroup() : "/aws/lambda/" + f.functionName();
            sink.lambdaFunctions.add(LambdaFunction.builder().name(f.functionName()).arn(f.functionArn()).region(region)
                    .runtime(f.runtimeAsString()).packageType(f.packageTypeAsString()).roleArn(f.role())
                    .logGroupName(logGroup).policyJson(policy.value()).build());
        });
    }
}
