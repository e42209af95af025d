package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotReader;
import io.tenken.snapshot.SnapshotWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Same account state, same snapshot (apart from timing); and a written snapshot reads back equal. */
@ExtendWith(MotoServerExtension.class)
class DeterminismTest {
    private static String comparable(Snapshot s) {
        return new String(SnapshotWriter.toBytes(s.toBuilder().collectedAt(null).services(Map.of()).build()),
                StandardCharsets.UTF_8);
    }

    @Test
    void twoScansOfTheSameStateAreIdenticalAndRoundTrip(@TempDir Path dir) throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            Snapshot a = new Scanner().scan(Moto.options(stub.endpoint(), "us-east-1", "ap-northeast-1")
                    .perServiceConcurrency(8).build());
            Snapshot b = new Scanner().scan(Moto.options(stub.endpoint(), "ap-northeast-1", "us-east-1")
                    .perServiceConcurrency(2).build());
            assertEquals(comparable(a), comparable(b));
            assertEquals(1, a.getSchemaVersion());
            assertEquals(List.of("ap-northeast-1", "us-east-1"), a.getRegions());
            assertEquals(Moto.ACCOUNT, a.getAccountId());
            assertTrue(Instant.parse(a.getCollectedAt()).isBefore(Instant.now().plusSeconds(1)));
            assertTrue(a.getCollectedAt().endsWith("Z"));
            assertTrue(a.getToolVersion() != null && !a.getToolVersion().equals("unknown"), a.getToolVersion());
            assertEquals(List.of("apigateway", "bedrock", "bedrock-agent", "cloudfront", "cloudtrail", "cloudwatch", "cognito-identity",
                    "cognito-idp", "dynamodb", "ec2", "guardduty", "iam", "inspector2", "kms", "lambda", "logs", "macie2",
                    "s3", "securityhub", "sts", "wafv2"), List.copyOf(a.getServices().keySet()));

            Path file = dir.resolve("snapshot.json");
            SnapshotWriter.write(a, file);
            assertEquals(a, SnapshotReader.read(file).snapshot());
        }
    }
}
