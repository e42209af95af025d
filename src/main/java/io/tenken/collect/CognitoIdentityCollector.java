package io.tenken.collect;

import io.tenken.facts.IdentityPool;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentityPoolsResponse;

/** Cognito identity pools (ListIdentityPools, DescribeIdentityPool). */
public final class CognitoIdentityCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("cognito-identity")
            .lists("ListIdentityPools", "cognito-identity:ListIdentityPools", IdentityPool.class)
            .readsItem("DescribeIdentityPool", "cognito-identity:DescribeIdentityPool", IdentityPool.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "cognito-identity";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        CognitoIdentityClient c = run.clients().cognitoIdentity(region);
        List<IdentityPoolShortDescription> pools = run.call(region, "ListIdentityPools", null, () -> {
            // The SDK has no paginator for ListIdentityPools: follow NextToken.
            List<IdentityPoolShortDescription> out = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                ListIdentityPoolsResponse page = c.listIdentityPools(r -> r.maxResults(60).nextToken(t));
                out.addAll(page.identityPools());
                token = page.nextToken() == null || page.nextToken().isEmpty() || page.identityPools().isEmpty()
                        ? null : page.nextToken();
            } while (token != null);
            return out;
        });
        if (pools == null) {
            return;
        }
        run.forEach(pools, p -> {
            String arn = run.arn("cognito-identity", region, "identitypool/" + p.identityPoolId());
            var d = run.call(region, "DescribeIdentityPool", arn, () -> c.describeIdentityPool(r -> r.identityPoolId(p.identityPoolId())));
            if (d == null) {
                return;
            }
            sink.identityPools.add(IdentityPool.builder().id(d.identityPoolId()).name(d.identityPoolName()).arn(arn)
                    .region(region)
                    .allowUnauthenticatedIdentities(Boolean.TRUE.equals(d.allowUnauthenticatedIdentities()))
                    .allowClassicFlow(Boolean.TRUE.equals(d.allowClassicFlow()))
                    .cognitoProviders(d.cognitoIdentityProviders().stream().map(x -> x.providerName()).sorted().toList())
                    .build());
        });
    }
}
