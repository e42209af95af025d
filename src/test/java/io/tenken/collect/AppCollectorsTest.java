package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import io.tenken.facts.DynamoTable;
import io.tenken.facts.IdentityPool;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.UserPool;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

/** API Gateway, Lambda, DynamoDB, identity pools and user-pool web ACLs, collected from moto. */
@ExtendWith(MotoServerExtension.class)
class AppCollectorsTest {
    static final String R = "ap-northeast-1";

    static SdkBytes zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry("index.js"));
                z.write("exports.handler = async () => ({statusCode: 200});".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
            return SdkBytes.fromByteArray(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates a function (its role first: moto checks the role exists); returns its ARN. */
    static String function(LambdaClient lambda, String name, String runtime) {
        IamClient iam = Moto.client(IamClient.builder(), "us-east-1");
        String role;
        try {
            role = iam.getRole(r -> r.roleName("genu-lambda")).role().arn();
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
            role = iam.createRole(r -> r.roleName("genu-lambda").assumeRolePolicyDocument(IamBedrockCollectorsTest.LAMBDA_TRUST))
                    .role().arn();
        }
        String roleArn = role;
        return lambda.createFunction(r -> r.functionName(name).runtime(runtime).role(roleArn).handler("index.handler")
                .code(c -> c.zipFile(zip()))).functionArn();
    }

    @Test
    void collectsApiMethodsStagesAndAuthorizers() {
        var cognito = Moto.client(CognitoIdentityProviderClient.builder(), R);
        String poolArn = cognito.createUserPool(r -> r.poolName("genu-users")).userPool().arn();
        LambdaClient lambda = Moto.client(LambdaClient.builder(), R);
        String predict = function(lambda, "genu-predict", "nodejs22.x");

        ApiGatewayClient api = Moto.client(ApiGatewayClient.builder(), R);
        String apiId = api.createRestApi(r -> r.name("genu-api")).id();
        String root = api.getResources(r -> r.restApiId(apiId)).items().get(0).id();
        String predictRes = api.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("predict")).id();
        String auth = api.createAuthorizer(r -> r.restApiId(apiId).name("cognito").type("COGNITO_USER_POOLS")
                .providerARNs(poolArn).identitySource("method.request.header.Authorization")).id();
        api.putMethod(r -> r.restApiId(apiId).resourceId(predictRes).httpMethod("POST")
                .authorizationType("COGNITO_USER_POOLS").authorizerId(auth));
        api.putIntegration(r -> r.restApiId(apiId).resourceId(predictRes).httpMethod("POST").type("AWS_PROXY")
                .integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:" + R + ":lambda:path/2015-03-31/functions/" + predict + "/invocations"));
        api.putMethod(r -> r.restApiId(apiId).resourceId(predictRes).httpMethod("OPTIONS").authorizationType("NONE"));
        api.putIntegration(r -> r.restApiId(apiId).resourceId(predictRes).httpMethod("OPTIONS").type("MOCK"));
        String deployment = api.createDeployment(r -> r.restApiId(apiId).stageName("api")).id();
        api.updateStage(r -> r.restApiId(apiId).stageName("api").patchOperations(
                p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("ERROR"),
                p -> p.op(Op.REPLACE).path("/predict/POST/logging/loglevel").value("OFF"),
                p -> p.op(Op.REPLACE).path("/accessLogSettings/destinationArn")
                        .value("arn:aws:logs:" + R + ":" + Moto.ACCOUNT + ":log-group:genu-api-access"),
                p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.requestId")));
        api.createStage(r -> r.restApiId(apiId).stageName("dev").deploymentId(deployment));
        var waf = Moto.client(Wafv2Client.builder(), R);
        var acl = Seeds.allowlistAcl(waf, Scope.REGIONAL, "genu-regional", "203.0.113.0/24", true);
        String stageArn = "arn:aws:apigateway:" + R + "::/restapis/" + apiId + "/stages/api";
        waf.associateWebACL(r -> r.webACLArn(acl.arn()).resourceArn(stageArn));
        waf.associateWebACL(r -> r.webACLArn(acl.arn()).resourceArn(poolArn));

        var s = ScanTestSupport.scan(List.of("apigateway", "cognito-idp"), R);

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals("COMPLETE", s.getServices().get("apigateway").getStatus());
        List<ApiMethod> methods = s.getFacts().getApiMethods();
        assertEquals(2, methods.size(), methods::toString);
        ApiMethod post = methods.stream().filter(m -> m.getHttpMethod().equals("POST")).findFirst().orElseThrow();
        assertEquals("/predict", post.getPath());
        assertEquals("genu-api", post.getApiName());
        assertEquals("COGNITO_USER_POOLS", post.getAuthorizationType());
        assertEquals(auth, post.getAuthorizerId());
        assertEquals("COGNITO_USER_POOLS", post.getAuthorizerType());
        assertEquals("AWS_PROXY", post.getIntegrationType());
        assertEquals(predict, post.getLambdaFunctionArn());
        assertEquals("arn:aws:apigateway:" + R + "::/restapis/" + apiId + "/resources/" + predictRes + "/methods/POST",
                post.getResourceId());
        ApiMethod options = methods.stream().filter(m -> m.getHttpMethod().equals("OPTIONS")).findFirst().orElseThrow();
        assertEquals("NONE", options.getAuthorizationType());
        assertNull(options.getLambdaFunctionArn());

        List<ApiStage> stages = s.getFacts().getApiStages();
        assertEquals(List.of("api", "dev"), stages.stream().map(ApiStage::getStageName).toList());
        ApiStage prod = stages.get(0);
        assertEquals(stageArn, prod.getResourceId());
        assertEquals(acl.arn(), prod.getWebAclArn());
        assertEquals("ERROR", prod.getLoggingLevel());
        assertEquals(List.of("predict/POST"), prod.getLoggingOffFor());
        assertEquals("arn:aws:logs:" + R + ":" + Moto.ACCOUNT + ":log-group:genu-api-access", prod.getAccessLogDestinationArn());
        ApiStage dev = stages.get(1);
        assertNull(dev.getWebAclArn());
        assertNull(dev.getLoggingLevel());
        assertNull(dev.getAccessLogDestinationArn());

        UserPool pool = s.getFacts().getUserPools().get(0);
        assertEquals(acl.arn(), pool.getWebAclArn(), "GetWebACLForResource on the pool");
    }

    @Test
    void collectsFunctionsWithTheirPolicies() {
        LambdaClient lambda = Moto.client(LambdaClient.builder(), R);
        String open = function(lambda, "genu-open", "nodejs16.x");
        String scoped = function(lambda, "genu-predict", "nodejs22.x");
        function(lambda, "genu-nopolicy", "python3.13");
        lambda.addPermission(r -> r.functionName("genu-open").statementId("everyone").action("lambda:InvokeFunction")
                .principal("*"));
        lambda.addPermission(r -> r.functionName("genu-predict").statementId("apigw").action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + R + ":" + Moto.ACCOUNT + ":abc123/*/POST/predict"));

        var s = ScanTestSupport.scan(List.of("lambda"), R);

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<LambdaFunction> fns = s.getFacts().getLambdaFunctions();
        assertEquals(List.of("genu-nopolicy", "genu-open", "genu-predict"), fns.stream().map(LambdaFunction::getName).toList());
        LambdaFunction none = fns.get(0);
        assertNull(none.getPolicyJson(), "no resource policy: ResourceNotFoundException is an answer");
        assertEquals("python3.13", none.getRuntime());
        assertEquals("/aws/lambda/genu-nopolicy", none.getLogGroupName());
        LambdaFunction o = fns.get(1);
        assertEquals(open, o.getArn());
        assertEquals("nodejs16.x", o.getRuntime());
        assertTrue(o.getPolicyJson().contains("\"everyone\""), o.getPolicyJson());
        LambdaFunction p = fns.get(2);
        assertEquals(scoped, p.getArn());
        assertTrue(p.getPolicyJson().contains("AWS:SourceArn"), p.getPolicyJson());
        assertTrue(p.getRoleArn().endsWith(":role/genu-lambda"));
    }

    @Test
    void collectsTablesAndIdentityPools() {
        DynamoDbClient ddb = Moto.client(DynamoDbClient.builder(), R);
        for (String t : List.of("genu-chats", "genu-stats")) {
            ddb.createTable(r -> r.tableName(t).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .deletionProtectionEnabled(t.equals("genu-stats")));
        }
        ddb.updateContinuousBackups(r -> r.tableName("genu-stats")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        var ci = Moto.client(CognitoIdentityClient.builder(), R);
        String guest = ci.createIdentityPool(r -> r.identityPoolName("genu_guest").allowUnauthenticatedIdentities(true)
                .cognitoIdentityProviders(p -> p.providerName("cognito-idp." + R + ".amazonaws.com/" + R + "_abc")
                        .clientId("client1"))).identityPoolId();
        String closed = ci.createIdentityPool(r -> r.identityPoolName("genu_closed").allowUnauthenticatedIdentities(false))
                .identityPoolId();

        var s = ScanTestSupport.scan(List.of("dynamodb", "cognito-identity"), R);

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<DynamoTable> tables = s.getFacts().getDynamoTables();
        assertEquals(2, tables.size());
        assertFalse(tables.get(0).isDeletionProtection());
        assertEquals("DISABLED", tables.get(0).getPointInTimeRecovery());
        assertEquals("arn:aws:dynamodb:" + R + ":" + Moto.ACCOUNT + ":table/genu-chats", tables.get(0).getArn());
        assertTrue(tables.get(1).isDeletionProtection());
        assertEquals("ENABLED", tables.get(1).getPointInTimeRecovery());

        List<IdentityPool> pools = s.getFacts().getIdentityPools();
        assertEquals(2, pools.size());
        IdentityPool g = pools.stream().filter(p -> p.getId().equals(guest)).findFirst().orElseThrow();
        assertTrue(g.isAllowUnauthenticatedIdentities());
        assertEquals(List.of("cognito-idp." + R + ".amazonaws.com/" + R + "_abc"), g.getCognitoProviders());
        assertEquals("arn:aws:cognito-identity:" + R + ":" + Moto.ACCOUNT + ":identitypool/" + guest, g.getArn());
        IdentityPool c = pools.stream().filter(p -> p.getId().equals(closed)).findFirst().orElseThrow();
        assertFalse(c.isAllowUnauthenticatedIdentities());
    }
}
