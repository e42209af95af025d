package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The scanner's clients refuse every non-read operation before anything reaches the wire. */
class ReadOnlyInterceptorTest {
    private WireMockServer server;
    private AwsClients clients;

    @BeforeEach
    void start() {
        // A recording endpoint: any request that got through would show up in its journal.
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200).withBody("")));
        clients = new AwsClients(ScanOptions.builder().endpointUrl(URI.create("http://127.0.0.1:" + server.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .maxAttempts(1).build());
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop();
    }

    @Test
    void writeCallsFailBeforeBeingSent() {
        var e = assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.s3("us-east-1").createBucket(r -> r.bucket("nope")));
        assertTrue(e.getMessage().contains("CreateBucket"), e.getMessage());
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.iam().createUser(r -> r.userName("x")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.cognito("us-east-1").updateUserPool(r -> r.userPoolId("p")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.s3("us-east-1").putBucketPolicy(r -> r.bucket("b").policy("{}")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.s3("us-east-1").getObject(r -> r.bucket("b").key("k")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.kms("us-east-1").scheduleKeyDeletion(r -> r.keyId("k")));
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
        assertEquals(0, clients.calls("s3") + clients.calls("iam") + clients.calls("kms"));
    }

    @Test
    void readCallsGoThrough() {
        try {
            clients.s3("us-east-1").listBuckets();
        } catch (RuntimeException ignored) {
            // the stub's empty body may not parse; what matters is that the request was sent
        }
        assertEquals(1, server.getAllServeEvents().size());
    }

    @Test
    void readsTheCollectorsDoNotDeclareFailBeforeBeingSent() {
        // Read-sounding names that send a message, mint tokens, disclose key material, log lines,
        // object data or a password: the old prefix rule let all of these through.
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.cognito("us-east-1").getUserAttributeVerificationCode(r -> r.accessToken("t")
                        .attributeName("email")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.kms("us-east-1").getParametersForImport(r -> r.keyId("k")
                        .wrappingAlgorithm("RSAES_OAEP_SHA_256").wrappingKeySpec("RSA_2048")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.logs("us-east-1").getLogEvents(r -> r.logGroupName("g").logStreamName("s")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.s3("us-east-1").getObjectAcl(r -> r.bucket("b").key("k")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.s3("us-east-1").listObjectsV2(r -> r.bucket("b")));
        assertThrows(ReadOnlyInterceptor.WriteAttemptException.class,
                () -> clients.iam().getUser());
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
    }

    @Test
    void exactlyTheDeclaredOperationsAreAllowed() {
        for (Calls.Call c : Calls.everyCall()) {
            assertTrue(ReadOnlyInterceptor.allows(ReadOnlyInterceptor.SDK_PACKAGES.get(c.apiService()),
                    c.apiOperation()), c.toString());
        }
        for (String op : List.of("GetUserAttributeVerificationCode", "GetTokensFromRefreshToken", "GetObject",
                "GetPasswordData", "GetLogEvents", "CreateBucket", "AssumeRole", "")) {
            assertFalse(ReadOnlyInterceptor.allows("s3", op) || ReadOnlyInterceptor.allows("cognitoidentityprovider", op)
                    || ReadOnlyInterceptor.allows("ec2", op) || ReadOnlyInterceptor.allows("cloudwatchlogs", op), op);
        }
        // One service's read is not another's: ListUserPools is declared for cognito-idp only.
        assertFalse(ReadOnlyInterceptor.allows("s3", "ListUserPools"));
    }
}
