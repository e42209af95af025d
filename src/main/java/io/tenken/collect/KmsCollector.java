package io.tenken.collect;

import io.tenken.facts.KmsKey;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** KMS keys with their rotation status (rotation asked only of enabled symmetric customer keys). */
public final class KmsCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("kms")
            .lists("ListKeys", "kms:ListKeys", KmsKey.class)
            .readsItem("DescribeKey", "kms:DescribeKey", KmsKey.class)
            .fills("GetKeyRotationStatus", "kms:GetKeyRotationStatus", KmsKey.class, "rotationEnabled")
            .fills("GetKeyPolicy", "kms:GetKeyPolicy", KmsKey.class, "policyJson");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "kms";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        KmsClient c = run.clients().kms(region);
        List<KeyListEntry> keys = run.call(region, "ListKeys", null, () -> c.listKeysPaginator(r -> r.limit(1000)).keys().stream().toList());
        if (keys == null) {
            return;
        }
        run.forEach(keys, k -> {
            KeyMetadata m = run.call(region, "DescribeKey", k.keyArn(), () -> c.describeKey(r -> r.keyId(k.keyId())).keyMetadata());
            if (m == null) {
                return;
            }
            boolean rotation = false;
            if ("CUSTOMER".equals(m.keyManagerAsString()) && "SYMMETRIC_DEFAULT".equals(m.keySpecAsString())
                    && !"PendingDeletion".equals(m.keyStateAsString()) && !"PendingImport".equals(m.keyStateAsString())
                    && (m.originAsString() == null || "AWS_KMS".equals(m.originAsString()))) {
                Boolean r = run.call(region, "GetKeyRotationStatus", m.arn(),
                        () -> c.getKeyRotationStatus(q -> q.keyId(k.keyId())).keyRotationEnabled());
                rotation = Boolean.TRUE.equals(r);
            }
            String policy = null;
            if ("CUSTOMER".equals(m.keyManagerAsString())) {
                // KMS-02 reads the policy of customer managed keys only: AWS writes AWS managed keys' policies.
                policy = run.call(region, "GetKeyPolicy", m.arn(),
                        () -> c.getKeyPolicy(q -> q.keyId(k.keyId()).policyName("default")).policy());
            }
            String keyPolicy = policy;
            sink.kmsKeys.add(KmsKey.builder().policyJson(keyPolicy).keyId(m.keyId()).arn(m.arn()).region(region)
                    .keyManager(m.keyManagerAsString()).keyState(m.keyStateAsString())
                    .keySpec(m.keySpecAsString()).rotationEnabled(rotation).origin(m.originAsString()).build());
        });
    }
}
