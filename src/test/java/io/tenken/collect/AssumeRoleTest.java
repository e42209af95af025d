package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code --role-arn}: the scan runs with credentials from sts:AssumeRole. */
@ExtendWith(MotoServerExtension.class)
class AssumeRoleTest {
    @Test
    void scansAsTheAssumedRole() {
        IamClient iam = Moto.client(IamClient.builder(), "us-east-1");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        String role = iam.createRole(r -> r.roleName("TenkenScan").assumeRolePolicyDocument(trust)).role().arn();

        var s = new Scanner().scan(Moto.options("us-east-1").roleArn(role).services(List.of("logs")).build());

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertTrue(s.getCallerArn().contains(":assumed-role/TenkenScan/tenken-scan"), s.getCallerArn());
    }
}
