package io.tenken.collect;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * Seeds moto with a GenU-like deployment: the app in ap-northeast-1, Bedrock models in
 * us-east-1. DEFAULT is GenU's cdk.json defaults (self sign-up, no WAF, Lambda role with
 * bedrock:* on *, no invocation logging, no trail, never-expiring log groups); HARDENED is the
 * same app with the checklist applied.
 */
final class GenuSeed {
    enum Profile { DEFAULT, HARDENED }

    static final String APP = "ap-northeast-1";
    static final String MODEL = "us-east-1";

    private GenuSeed() {
    }

    static void seed(Profile p) {
        boolean h = p == Profile.HARDENED;
        // moto answers Inspector's BatchGetAccountStatus with no entry for an account that never
        // touched Inspector, where AWS answers DISABLED; one Disable call gives moto that record.
        for (String region : new String[] {APP, MODEL}) {
            Moto.client(software.amazon.awssdk.services.inspector2.Inspector2Client.builder(), region)
                    .disable(r -> r.resourceTypesWithStrings("EC2").accountIds(Moto.ACCOUNT));
        }
        var cognito = Moto.client(CognitoIdentityProviderClient.builder(), APP);
        String pool;
        if (h) {
            pool = cognito.createUserPool(r -> r.poolName("genu-users")
                    .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
                    .policies(x -> x.passwordPolicy(pw -> pw.minimumLength(12).requireUppercase(true)
                            .requireLowercase(true).requireNumbers(true).requireSymbols(true).temporaryPasswordValidityDays(7)))
                    .deletionProtection("ACTIVE").userPoolAddOns(a -> a.advancedSecurityMode("ENFORCED"))).userPool().id();
            cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration("ON")
                    .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        } else {
            pool = cognito.createUserPool(r -> r.poolName("genu-users")).userPool().id();
        }
        cognito.createUserPoolClient(r -> {
            r.userPoolId(pool).clientName("genu-web");
            if (h) {
                r.accessTokenValidity(60).idTokenValidity(60).refreshTokenValidity(7)
                        .tokenValidityUnits(u -> u.accessToken("minutes").idToken("minutes").refreshToken("days"))
                        .preventUserExistenceErrors("ENABLED").enableTokenRevocation(true);
            }
        });

        var cf = Moto.client(CloudFrontClient.builder(), MODEL);
        String aclArn = null;
        if (h) {
            var edge = Moto.client(Wafv2Client.builder(), "us-east-1");
            aclArn = Seeds.allowlistAcl(edge, Scope.CLOUDFRONT, "genu-cf", "203.0.113.0/24", true).arn();
            String cfAcl = aclArn;
            var wafLogs = Moto.client(CloudWatchLogsClient.builder(), "us-east-1");
            wafLogs.createLogGroup(r -> r.logGroupName("aws-waf-logs-genu-cf"));
            wafLogs.putRetentionPolicy(r -> r.logGroupName("aws-waf-logs-genu-cf").retentionInDays(400));
            edge.putLoggingConfiguration(r -> r.loggingConfiguration(l -> l.resourceArn(cfAcl)
                    .logDestinationConfigs("arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-genu-cf")));
            var regional = Moto.client(Wafv2Client.builder(), APP);
            var racl = Seeds.allowlistAcl(regional, Scope.REGIONAL, "genu-regional", "203.0.113.0/24", true);
            String poolArn = "arn:aws:cognito-idp:" + APP + ":" + Moto.ACCOUNT + ":userpool/" + pool;
            regional.associateWebACL(r -> r.webACLArn(racl.arn()).resourceArn(poolArn));
            var regionalLogs = Moto.client(CloudWatchLogsClient.builder(), APP);
            regionalLogs.createLogGroup(r -> r.logGroupName("aws-waf-logs-genu-regional"));
            regionalLogs.putRetentionPolicy(r -> r.logGroupName("aws-waf-logs-genu-regional").retentionInDays(400));
            regional.putLoggingConfiguration(r -> r.loggingConfiguration(l -> l.resourceArn(racl.arn())
                    .logDestinationConfigs("arn:aws:logs:" + APP + ":123456789012:log-group:aws-waf-logs-genu-regional")));
        }
        Seeds.distribution(cf, "genu-web", aclArn, "redirect-to-https", !h, h);

        S3Client s3 = Moto.s3(APP);
        for (String b : new String[] {"genu-web-assets", "genu-rag-docs"}) {
            s3.createBucket(r -> r.bucket(b).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.AP_NORTHEAST_1)));
            if (h) {
                s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(
                        x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256")))));
                s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(x -> x.blockPublicAcls(true)
                        .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
                s3.putBucketOwnershipControls(r -> r.bucket(b).ownershipControls(o -> o.rules(
                        x -> x.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
            }
        }

        var iam = Moto.client(IamClient.builder(), MODEL);
        iam.createRole(r -> r.roleName("genu-predict-lambda").assumeRolePolicyDocument(h
                ? IamBedrockCollectorsTest.LAMBDA_TRUST.replace("\"Action\":\"sts:AssumeRole\"",
                        "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + Moto.ACCOUNT + "\"}}")
                : IamBedrockCollectorsTest.LAMBDA_TRUST));
        iam.putRolePolicy(r -> r.roleName("genu-predict-lambda").policyName("bedrock").policyDocument(h
                ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"bedrock:InvokeModel\","
                  + "\"bedrock:InvokeModelWithResponseStream\"],\"Resource\":\"arn:aws:bedrock:us-east-1::foundation-model/"
                  + "anthropic.claude-3-5-sonnet-20240620-v1:0\"}]}"
                : IamBedrockCollectorsTest.BEDROCK_ALL));

        var logs = Moto.client(CloudWatchLogsClient.builder(), APP);
        for (String g : new String[] {"/aws/lambda/genu-predict", "/aws/lambda/genu-predict-stream"}) {
            logs.createLogGroup(r -> r.logGroupName(g));
            if (h) {
                logs.putRetentionPolicy(r -> r.logGroupName(g).retentionInDays(400));
            }
        }

        if (h) {
            var kms = Moto.client(KmsClient.builder(), APP);
            String key = kms.createKey(r -> r.description("genu")).keyMetadata().arn();
            kms.enableKeyRotation(r -> r.keyId(key));
            Moto.s3(MODEL).createBucket(r -> r.bucket("genu-audit-trail"));
            Moto.s3(MODEL).putBucketVersioning(r -> r.bucket("genu-audit-trail").versioningConfiguration(v -> v.status("Enabled")));
            Moto.s3(MODEL).putBucketEncryption(r -> r.bucket("genu-audit-trail").serverSideEncryptionConfiguration(c -> c.rules(
                    x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms").kmsMasterKeyID(key)))));
            Moto.s3(MODEL).putPublicAccessBlock(r -> r.bucket("genu-audit-trail").publicAccessBlockConfiguration(x -> x
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
            Moto.s3(MODEL).putBucketLifecycleConfiguration(r -> r.bucket("genu-audit-trail").lifecycleConfiguration(l -> l.rules(
                    x -> x.id("expire").status("Enabled").filter(f -> f.prefix("")).expiration(e -> e.days(2555)))));
            // Server access logs of the trail bucket go to a bucket of their own (CLOUDTRAIL-06).
            Moto.s3(MODEL).createBucket(r -> r.bucket("genu-audit-access-logs"));
            Moto.s3(MODEL).putBucketEncryption(r -> r.bucket("genu-audit-access-logs").serverSideEncryptionConfiguration(c -> c.rules(
                    x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256")))));
            Moto.s3(MODEL).putPublicAccessBlock(r -> r.bucket("genu-audit-access-logs").publicAccessBlockConfiguration(x -> x
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
            Moto.s3(MODEL).putBucketLifecycleConfiguration(r -> r.bucket("genu-audit-access-logs").lifecycleConfiguration(l -> l.rules(
                    x -> x.id("expire").status("Enabled").filter(f -> f.prefix("")).expiration(e -> e.days(400)))));
            for (String b : new String[] {"genu-audit-trail", "genu-audit-access-logs"}) {
                Moto.s3(MODEL).putBucketOwnershipControls(r -> r.bucket(b).ownershipControls(o -> o.rules(
                        x -> x.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
            }
            // S3 writes access logs under a policy that names its logging service (moto checks it, and
            // reads the statements in order: the service's comes first).
            Moto.s3(MODEL).putBucketPolicy(r -> r.bucket("genu-audit-access-logs").policy("""
                    {"Version":"2012-10-17","Statement":[
                     {"Sid":"S3ServerAccessLogs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},
                      "Action":"s3:PutObject","Resource":"arn:aws:s3:::genu-audit-access-logs/*",
                      "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},
                     {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
                      "Resource":["arn:aws:s3:::genu-audit-access-logs","arn:aws:s3:::genu-audit-access-logs/*"],
                      "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""));
            Moto.s3(MODEL).putBucketLogging(r -> r.bucket("genu-audit-trail").bucketLoggingStatus(s -> s.loggingEnabled(
                    le -> le.targetBucket("genu-audit-access-logs").targetPrefix("trail/"))));
            var trailLogs = Moto.client(CloudWatchLogsClient.builder(), MODEL);
            trailLogs.createLogGroup(r -> r.logGroupName("aws-cloudtrail-logs-genu"));
            trailLogs.putRetentionPolicy(r -> r.logGroupName("aws-cloudtrail-logs-genu").retentionInDays(400));
            var ct = Moto.client(CloudTrailClient.builder(), MODEL);
            ct.createTrail(r -> r.name("audit").s3BucketName("genu-audit-trail").isMultiRegionTrail(true)
                    .enableLogFileValidation(true).kmsKeyId(key)
                    .cloudWatchLogsLogGroupArn("arn:aws:logs:" + MODEL + ":" + Moto.ACCOUNT + ":log-group:aws-cloudtrail-logs-genu:*")
                    .cloudWatchLogsRoleArn("arn:aws:iam::" + Moto.ACCOUNT + ":role/cloudtrail-to-logs"));
            ct.startLogging(r -> r.name("audit"));
            ct.putEventSelectors(r -> r.trailName("audit").advancedEventSelectors(
                    a -> a.name("management").fieldSelectors(f -> f.field("eventCategory").equalsValue("Management")),
                    a -> a.name("bedrock").fieldSelectors(f -> f.field("eventCategory").equalsValue("Data"),
                            f -> f.field("resources.type").equalsValue("AWS::Bedrock::Model"))));
            for (String region : new String[] {APP, MODEL}) {
                var invLogs = Moto.client(CloudWatchLogsClient.builder(), region);
                invLogs.createLogGroup(r -> r.logGroupName("/genu/bedrock/invocations").kmsKeyId(key));
                invLogs.putRetentionPolicy(r -> r.logGroupName("/genu/bedrock/invocations").retentionInDays(400));
                Moto.client(BedrockClient.builder(), region).putModelInvocationLoggingConfiguration(r -> r.loggingConfig(
                        l -> l.textDataDeliveryEnabled(true).cloudWatchConfig(c -> c.logGroupName("/genu/bedrock/invocations")
                                .roleArn("arn:aws:iam::123456789012:role/bedrock-logging"))));
            }
            S3ControlClient.builder().region(Region.US_EAST_1).credentialsProvider(Moto.CREDS)
                    .endpointProvider(x -> java.util.concurrent.CompletableFuture.completedFuture(
                            software.amazon.awssdk.endpoints.Endpoint.builder().url(MotoServerExtension.endpoint()).build()))
                    .build().putPublicAccessBlock(r -> r.accountId(Moto.ACCOUNT).publicAccessBlockConfiguration(x -> x
                            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
            for (String b : new String[] {"genu-web-assets", "genu-rag-docs", "genu-audit-trail"}) {
                Moto.s3(b.startsWith("genu-audit") ? MODEL : APP).putBucketPolicy(r -> r.bucket(b).policy(
                        S3CollectorTest.TLS_ONLY.replace("logs-hardened", b)));
            }
            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                    .requireUppercaseCharacters(true).requireLowercaseCharacters(true));
        }
        app(pool, h);
    }

    /**
     * GenU's serving side: a REST API whose POST /predict is behind the Cognito authorizer (the
     * CORS preflight is not), its function, its chat table and the identity pool. HARDENED adds
     * the regional web ACL, execution and access logging, point-in-time recovery, deletion
     * protection and alarms with an SNS action on the stage's 5XX and the function's errors.
     */
    static void app(String pool, boolean h) {
        String poolArn = "arn:aws:cognito-idp:" + APP + ":" + Moto.ACCOUNT + ":userpool/" + pool;
        var lambda = Moto.client(software.amazon.awssdk.services.lambda.LambdaClient.builder(), APP);
        String fn = AppCollectorsTest.function(lambda, "genu-predict", "nodejs22.x");
        var api = Moto.client(software.amazon.awssdk.services.apigateway.ApiGatewayClient.builder(), APP);
        String apiId = api.createRestApi(r -> r.name("genu-api")).id();
        String root = api.getResources(r -> r.restApiId(apiId)).items().get(0).id();
        String res = api.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("predict")).id();
        String auth = api.createAuthorizer(r -> r.restApiId(apiId).name("cognito").type("COGNITO_USER_POOLS")
                .providerARNs(poolArn).identitySource("method.request.header.Authorization")).id();
        api.putMethod(r -> r.restApiId(apiId).resourceId(res).httpMethod("POST").authorizationType("COGNITO_USER_POOLS")
                .authorizerId(auth));
        api.putIntegration(r -> r.restApiId(apiId).resourceId(res).httpMethod("POST").type("AWS_PROXY")
                .integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:" + APP + ":lambda:path/2015-03-31/functions/" + fn + "/invocations"));
        api.putMethod(r -> r.restApiId(apiId).resourceId(res).httpMethod("OPTIONS").authorizationType("NONE"));
        api.putIntegration(r -> r.restApiId(apiId).resourceId(res).httpMethod("OPTIONS").type("MOCK"));
        api.createDeployment(r -> r.restApiId(apiId).stageName("api"));
        lambda.addPermission(r -> r.functionName("genu-predict").statementId("apigw").action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + APP + ":" + Moto.ACCOUNT + ":" + apiId + "/*/POST/predict"));
        var ddb = Moto.client(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), APP);
        ddb.createTable(r -> r.tableName("genu-chats").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")).deletionProtectionEnabled(h));
        Moto.client(software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient.builder(), APP)
                .createIdentityPool(r -> r.identityPoolName("genu_identity").allowUnauthenticatedIdentities(false));
        if (!h) {
            return;
        }
        ddb.updateContinuousBackups(r -> r.tableName("genu-chats")
                .pointInTimeRecoverySpecification(x -> x.pointInTimeRecoveryEnabled(true)));
        String stageArn = "arn:aws:apigateway:" + APP + "::/restapis/" + apiId + "/stages/api";
        var regional = Moto.client(Wafv2Client.builder(), APP);
        String aclArn = regional.listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs().get(0).arn();
        regional.associateWebACL(r -> r.webACLArn(aclArn).resourceArn(stageArn));
        api.updateStage(r -> r.restApiId(apiId).stageName("api").patchOperations(
                x -> x.op("replace").path("/*/*/logging/loglevel").value("ERROR"),
                x -> x.op("replace").path("/accessLogSettings/destinationArn")
                        .value("arn:aws:logs:" + APP + ":" + Moto.ACCOUNT + ":log-group:genu-api-access"),
                x -> x.op("replace").path("/accessLogSettings/format").value("$context.requestId")));
        var cw = Moto.client(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder(), APP);
        String topic = "arn:aws:sns:" + APP + ":" + Moto.ACCOUNT + ":genu-ops";
        cw.putMetricAlarm(r -> r.alarmName("genu-api-5xx").namespace("AWS/ApiGateway").metricName("5XXError")
                .dimensions(d -> d.name("ApiName").value("genu-api")).statistic("Sum").period(300).evaluationPeriods(1)
                .threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold").alarmActions(topic));
        cw.putMetricAlarm(r -> r.alarmName("genu-predict-errors").namespace("AWS/Lambda").metricName("Errors")
                .dimensions(d -> d.name("FunctionName").value("genu-predict")).statistic("Sum").period(300)
                .evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold").alarmActions(topic));
    }
}
