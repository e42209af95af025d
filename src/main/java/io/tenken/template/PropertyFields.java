package io.tenken.template;

import io.tenken.facts.ApiStage;
import io.tenken.facts.BedrockAgent;
import io.tenken.facts.Bucket;
import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.DynamoTable;
import io.tenken.facts.Fallible;
import io.tenken.facts.Guardrail;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.IdentityPool;
import io.tenken.facts.KmsKey;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.LogGroup;
import io.tenken.facts.Trail;
import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import io.tenken.facts.WebAcl;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which fields of its fact each template property fills, so that an unresolved property makes
 * only those fields unknown (the verdicts that read them are ERROR, the others stand). A property
 * this table does not name (an identity such as {@code BucketName}, inline policy documents, web
 * ACL rules) makes the whole fact unknown, as does a fact of another kind with the resource's id:
 * what is not known to be narrow fails closed.
 */
final class PropertyFields {
    /** The fact kind a resource type gives, and property path → fields ("a,b"). */
    private record Table(Class<? extends Fallible> kind, Map<String, String> fields) {
    }

    private static final Table USER_POOL = new Table(UserPool.class, pairs(
            "AdminCreateUserConfig", "allowAdminCreateUserOnly",
            "LambdaConfig", "preSignUpLambdaArn",
            "Policies.PasswordPolicy.MinimumLength", "passwordMinLength",
            "Policies.PasswordPolicy.RequireUppercase", "requireUppercase",
            "Policies.PasswordPolicy.RequireLowercase", "requireLowercase",
            "Policies.PasswordPolicy.RequireNumbers", "requireNumbers",
            "Policies.PasswordPolicy.RequireSymbols", "requireSymbols",
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays", "temporaryPasswordValidityDays",
            "MfaConfiguration", "mfaConfiguration",
            "EnabledMfas", "totpMfaEnabled,smsMfaEnabled",
            "UserPoolAddOns", "advancedSecurityMode",
            "DeletionProtection", "deletionProtection",
            "UserPoolTags", "tags"));
    private static final Table CLIENT = new Table(UserPoolClient.class, pairs(
            "AccessTokenValidity", "accessTokenValidity,accessTokenMinutes",
            "IdTokenValidity", "idTokenValidity,idTokenMinutes",
            "RefreshTokenValidity", "refreshTokenValidity,refreshTokenMinutes",
            "TokenValidityUnits.AccessToken", "accessTokenUnit,accessTokenMinutes",
            "TokenValidityUnits.IdToken", "idTokenUnit,idTokenMinutes",
            "TokenValidityUnits.RefreshToken", "refreshTokenUnit,refreshTokenMinutes",
            "PreventUserExistenceErrors", "preventUserExistenceErrors",
            "EnableTokenRevocation", "enableTokenRevocation"));
    private static final Table LOG_GROUP = new Table(LogGroup.class, pairs(
            "RetentionInDays", "retentionDays",
            "KmsKeyId", "kmsKeyId"));
    private static final Table PRINCIPAL = new Table(IamPrincipal.class, pairs(
            "ManagedPolicyArns", "attachedPolicyArns",
            "AssumeRolePolicyDocument", "trustedServices,trustPolicyJson",
            "Path", "path",
            "Groups", "groupArns"));
    private static final Table STAGE = new Table(ApiStage.class, pairs(
            "MethodSettings", "loggingLevel,loggingOffFor",
            "AccessLogSetting", "accessLogDestinationArn",
            "StageDescription.MethodSettings", "loggingLevel,loggingOffFor",
            "StageDescription.LoggingLevel", "loggingLevel",
            "StageDescription.AccessLogSetting", "accessLogDestinationArn"));

    private static final Map<String, Table> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::Cognito::UserPool", USER_POOL),
            Map.entry("AWS::Cognito::UserPoolClient", CLIENT),
            Map.entry("AWS::Logs::LogGroup", LOG_GROUP),
            Map.entry("Custom::LogRetention", LOG_GROUP),
            Map.entry("AWS::IAM::Role", PRINCIPAL),
            Map.entry("AWS::IAM::User", PRINCIPAL),
            Map.entry("AWS::IAM::Group", PRINCIPAL),
            Map.entry("AWS::ApiGateway::Stage", STAGE),
            Map.entry("AWS::ApiGateway::Deployment", STAGE),
            Map.entry("AWS::WAFv2::WebACL", new Table(WebAcl.class, pairs("DefaultAction", "defaultAction"))),
            Map.entry("AWS::CloudFront::Distribution", new Table(CloudFrontDistribution.class, pairs(
                    "DistributionConfig.WebACLId", "webAclId",
                    "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", "viewerProtocolPolicy",
                    "DistributionConfig.CacheBehaviors", "viewerProtocolPolicy",
                    "DistributionConfig.ViewerCertificate", "minimumProtocolVersion,defaultCertificate",
                    "DistributionConfig.ViewerCertificate.MinimumProtocolVersion", "minimumProtocolVersion",
                    "DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate",
                    "defaultCertificate,minimumProtocolVersion",
                    "DistributionConfig.Aliases", "aliases",
                    "DistributionConfig.Enabled", "enabled"))),
            Map.entry("AWS::S3::Bucket", new Table(Bucket.class, pairs(
                    "BucketEncryption", "encryptionAlgorithm,kmsKeyId,bucketKeyEnabled",
                    "PublicAccessBlockConfiguration", "publicAccessBlock",
                    "LifecycleConfiguration", "lifecycleExpirationDays,lifecycleExpirations",
                    "VersioningConfiguration", "versioning",
                    "ObjectLockEnabled", "objectLockEnabled",
                    "LoggingConfiguration", "accessLogTargetBucket,accessLogTargetPrefix",
                    "Tags", "tags",
                    "OwnershipControls", "objectOwnership,aclGrants",
                    "AccessControl", "aclGrants"))),
            Map.entry("AWS::Bedrock::Guardrail", new Table(Guardrail.class, pairs(
                    "ContentPolicyConfig", "contentFilters",
                    "SensitiveInformationPolicyConfig", "piiEntityTypes,regexFilterCount",
                    "KmsKeyArn", "kmsKeyArn"))),
            Map.entry("AWS::Bedrock::Agent", new Table(BedrockAgent.class, pairs(
                    "GuardrailConfiguration.GuardrailIdentifier", "guardrailId",
                    "GuardrailConfiguration.GuardrailVersion", "guardrailVersion",
                    "AutoPrepare", "status"))),
            Map.entry("AWS::Cognito::IdentityPool", new Table(IdentityPool.class, pairs(
                    "AllowUnauthenticatedIdentities", "allowUnauthenticatedIdentities",
                    "AllowClassicFlow", "allowClassicFlow",
                    "CognitoIdentityProviders", "cognitoProviders"))),
            Map.entry("AWS::KMS::Key", new Table(KmsKey.class, pairs(
                    "Enabled", "keyState",
                    "EnableKeyRotation", "rotationEnabled",
                    "KeySpec", "keySpec",
                    "Origin", "origin"))),
            Map.entry("AWS::DynamoDB::Table", new Table(DynamoTable.class, pairs(
                    "DeletionProtectionEnabled", "deletionProtection",
                    "PointInTimeRecoverySpecification", "pointInTimeRecovery"))),
            Map.entry("AWS::Lambda::Function", new Table(LambdaFunction.class, pairs(
                    "FunctionName", "name,logGroupName",
                    "Runtime", "runtime",
                    "PackageType", "packageType",
                    "Code.ImageUri", "packageType",
                    "Role", "roleArn",
                    "LoggingConfig", "logGroupName"))),
            Map.entry("AWS::CloudTrail::Trail", new Table(Trail.class, pairs(
                    "IsMultiRegionTrail", "multiRegion",
                    "IsOrganizationTrail", "organizationTrail",
                    "IsLogging", "logging",
                    "EnableLogFileValidation", "logFileValidation",
                    "KMSKeyId", "kmsKeyId",
                    "S3BucketName", "s3BucketName",
                    "CloudWatchLogsLogGroupArn", "cloudWatchLogsLogGroupArn",
                    "EventSelectors", "managementEvents,readWriteType,dataEventResourceTypes",
                    "AdvancedEventSelectors", "managementEvents,readWriteType,dataEventResourceTypes"))));

    private PropertyFields() {
    }

    private static Map<String, String> pairs(String... propertyThenFields) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < propertyThenFields.length; i += 2) {
            out.put(propertyThenFields[i], propertyThenFields[i + 1]);
        }
        return Map.copyOf(out);
    }

    /**
     * The fields of {@code fact} that property {@code path} of a resource of {@code type} fills:
     * those of the longest property the table names at or above the path, or of every property
     * it names below it; {@link Fallible#ALL_FIELDS} when none, or when the fact is of another kind.
     */
    static List<String> of(String type, String path, Fallible fact) {
        Table t = BY_TYPE.get(type);
        if (t == null || !t.kind().isInstance(fact)) {
            return List.of(Fallible.ALL_FIELDS);
        }
        String best = null;
        TreeSet<String> below = new TreeSet<>();
        for (Map.Entry<String, String> e : t.fields().entrySet()) {
            String p = e.getKey();
            if ((path.equals(p) || path.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                best = p;
            } else if (p.startsWith(path + ".")) {
                below.addAll(List.of(e.getValue().split(",")));
            }
        }
        if (best != null) {
            return List.of(t.fields().get(best).split(","));
        }
        return below.isEmpty() ? List.of(Fallible.ALL_FIELDS) : List.copyOf(below);
    }
}
