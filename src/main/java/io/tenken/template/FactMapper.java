package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.Json;
import io.tenken.collect.FactSink;
import io.tenken.collect.PolicyDocuments;
import io.tenken.facts.AclGrant;
import io.tenken.facts.Bucket;
import io.tenken.facts.CloudFrontOrigin;
import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Guardrail;
import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.IpSet;
import io.tenken.facts.KmsKey;
import io.tenken.facts.LifecycleExpiration;
import io.tenken.facts.LogGroup;
import io.tenken.facts.PublicAccessBlock;
import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import io.tenken.facts.VpcEndpoint;
import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import io.tenken.snapshot.TemplateResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps the resources of every stack to the facts a scan collects, so the same rules judge
 * them. Absent properties take the service's documented defaults, each recorded on the
 * resource ("MfaConfiguration absent = OFF"). Resources that attach to others (bucket
 * policies, web ACL associations and logging, IAM policies, log groups) are read first.
 */
final class FactMapper {
    static final String SVC_DEFAULT = " (service default)";

    private final Assembly assembly;
    final FactSink sink = new FactSink();
    final List<CollectionError> errors = new ArrayList<>();
    final Map<String, TemplateResource> locations = new TreeMap<>();

    // What attaching resources say, keyed by the identity of what they attach to.
    private final Map<String, String> bucketPolicies = new HashMap<>();
    private final Map<String, Res> bucketPolicySources = new HashMap<>();
    private final Map<String, TreeSet<String>> aclAssociations = new HashMap<>();
    private final Map<String, Boolean> aclLogging = new HashMap<>();
    private final Map<String, List<String[]>> inlineByPrincipalRef = new HashMap<>();
    private final Map<String, List<String>> managedByPrincipalRef = new HashMap<>();
    private final Map<String, Integer> managedAttachments = new HashMap<>();
    private final Map<String, String> principalArnByRef = new HashMap<>();
    private final Map<String, Res> principalSource = new HashMap<>();
    private final TreeSet<String> logGroupNames = new TreeSet<>();
    private final TreeSet<String> awsManagedUsed = new TreeSet<>();
    /** The web ACL each associated resource (its ARN as the association names it) is protected by. */
    private final Map<String, String> aclByTarget = new HashMap<>();
    /** Associations whose web ACL is unresolved, by target; and those whose target is (could be any). */
    private final Map<String, Res> unknownAclByTarget = new HashMap<>();
    private final List<Res> unknownTargetAssociations = new ArrayList<>();
    private final LambdaMapping lambda = new LambdaMapping(this);
    private final ApiGatewayMapping api = new ApiGatewayMapping(this);
    private final BedrockMapping bedrock = new BedrockMapping(this);
    private final DeliveryMapping deliveries = new DeliveryMapping();

    FactMapper(Assembly assembly) {
        this.assembly = assembly;
    }

    /** Every resource mapped, for the unknown fields its unresolved properties leave. */
    private final List<Res> all = new ArrayList<>();

    void map() {
        for (Stack stack : assembly.stacks()) {
            Resolver resolver = assembly.resolver(stack);
            for (Iterator<Map.Entry<String, JsonNode>> it = stack.template().section("Resources").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String service = service(e.getValue().path("Type").asText());
                if (service == null) {
                    continue;
                }
                Res r = new Res(stack, e.getKey(), e.getValue(), resolver, service, errors);
                Boolean exists = resolver.resourceCondition(e.getValue());
                if (Boolean.FALSE.equals(exists)) {
                    continue;
                }
                if (exists == null) {
                    r.error("template " + stack.template().displayPath() + ":" + stack.template().lineOf(e.getKey())
                            + " " + e.getKey() + ".Condition", "Unresolved", "Condition "
                            + e.getValue().path("Condition").asText() + " cannot be decided before deployment", r.id());
                }
                all.add(r);
            }
        }
        // Principals first: attaching policies name them by Ref.
        all.stream().filter(r -> r.type.startsWith("AWS::IAM::") && !r.type.endsWith("Policy")).forEach(this::principalRef);
        all.forEach(this::attaching);
        all.forEach(this::primary);
        all.stream().filter(r -> r.type.equals("AWS::Lambda::Function")).forEach(this::implicitLogGroup);
        for (String arn : awsManagedUsed) {
            AwsManagedPolicies.document(arn).ifPresent(doc -> {
                sink.iamPolicies.add(IamPolicy.builder().arn(arn).name(arn.substring(arn.lastIndexOf('/') + 1))
                        .kind("AWS_MANAGED").defaultVersionId("bundled").build());
                sink.policyStatements.addAll(PolicyDocuments.statements(arn, doc));
            });
        }
    }

    /**
     * The facts with the unknown fields that unresolved properties leave: each fact with a
     * resource's id gets the fields the property fills ({@link PropertyFields}), the expression
     * and its file:line as the reason. Verdicts that read another field of it stand.
     */
    io.tenken.snapshot.Facts withUnknownFields(io.tenken.snapshot.Facts facts) {
        Map<String, Res> byId = new HashMap<>();
        all.stream().filter(r -> !r.unresolved.isEmpty()).forEach(r -> byId.putIfAbsent(r.id(), r));
        if (byId.isEmpty()) {
            return facts;
        }
        return facts.map(x -> {
            if (!(x instanceof io.tenken.facts.Fallible f) || !byId.containsKey(f.getResourceId())) {
                return x;
            }
            Res r = byId.get(f.getResourceId());
            Map<String, io.tenken.facts.Unknown> unknown = new TreeMap<>(f.getUnknown() == null ? Map.of() : f.getUnknown());
            r.unresolved.forEach((path, why) -> PropertyFields.of(r.type, path, f).forEach(field -> unknown.putIfAbsent(field, why)));
            return f.withUnknown(java.util.Collections.unmodifiableMap(unknown));
        });
    }

    static String service(String type) {
        return switch (type) {
            case "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient" -> "cognito-idp";
            case "AWS::WAFv2::WebACL", "AWS::WAFv2::IPSet", "AWS::WAFv2::WebACLAssociation",
                 "AWS::WAFv2::LoggingConfiguration" -> "wafv2";
            case "AWS::CloudFront::Distribution" -> "cloudfront";
            // Standard logging v2 of distributions (DeliveryMapping records no error against logs).
            case "AWS::Logs::DeliverySource", "AWS::Logs::Delivery", "AWS::Logs::DeliveryDestination" -> "cloudfront";
            case "AWS::S3::Bucket", "AWS::S3::BucketPolicy" -> "s3";
            case "AWS::Logs::LogGroup", "Custom::LogRetention" -> "logs";
            case "AWS::Lambda::Function", "AWS::Lambda::Permission" -> "lambda";
            case "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Authorizer",
                 "AWS::ApiGateway::Method", "AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment" -> "apigateway";
            case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy",
                 "AWS::IAM::ManagedPolicy" -> "iam";
            case "AWS::Bedrock::Guardrail" -> "bedrock";
            case "AWS::KMS::Key" -> "kms";
            case "AWS::EC2::VPCEndpoint" -> "ec2";
            case "AWS::DynamoDB::Table" -> "dynamodb";
            case "AWS::CloudTrail::Trail" -> "cloudtrail";
            case "AWS::Cognito::IdentityPool" -> "cognito-identity";
            case "AWS::CloudWatch::Alarm", "AWS::Logs::MetricFilter" -> "cloudwatch";
            case "AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::DataSource" -> "bedrock-agent";
            default -> null;
        };
    }

    // ------------------------------------------------------------------ attaching resources

    private void principalRef(Res r) {
        JsonNode ref = r.resolver.resolve(Json.MAPPER.createObjectNode().put("Ref", r.logicalId));
        principalArnByRef.put(ref.asText(), r.id());
        principalArnByRef.put(r.id(), r.id());
        principalSource.put(r.id(), r);
    }

    private void attaching(Res r) {
        switch (r.type) {
            case "AWS::S3::BucketPolicy" -> {
                String bucket = r.text("Bucket");
                JsonNode doc = r.prop("PolicyDocument");
                if (bucket != null && doc != null) {
                    bucketPolicies.put(bucket, printable(doc));
                    bucketPolicySources.put(bucket, r);
                }
            }
            case "AWS::WAFv2::WebACLAssociation" -> {
                String acl = r.text("WebACLArn");
                String target = r.text("ResourceArn");
                if (acl != null && target != null) {
                    aclAssociations.computeIfAbsent(acl, k -> new TreeSet<>()).add(target);
                    aclByTarget.put(target, acl);
                } else if (target != null) {
                    unknownAclByTarget.put(target, r);
                } else if (r.node.path("Properties").has("ResourceArn")) {
                    unknownTargetAssociations.add(r);
                }
            }
            case "AWS::WAFv2::LoggingConfiguration" -> {
                String acl = r.text("ResourceArn");
                if (acl != null && !r.strings("LogDestinationConfigs").isEmpty()) {
                    aclLogging.put(acl, true);
                }
            }
            case "AWS::IAM::Policy" -> {
                String name = r.text("PolicyName");
                JsonNode doc = r.prop("PolicyDocument");
                if (doc == null) {
                    return;
                }
                for (String kind : List.of("Roles", "Users", "Groups")) {
                    for (String ref : r.strings(kind)) {
                        inlineByPrincipalRef.computeIfAbsent(ref, k -> new ArrayList<>())
                                .add(new String[] {name == null ? r.logicalId : name, printable(doc), r.id()});
                        locate(principalArnByRef.getOrDefault(ref, ref) + "/inline-policy/" + (name == null ? r.logicalId : name), r);
                    }
                }
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = r.id();
                JsonNode doc = r.prop("PolicyDocument");
                int count = 0;
                for (String kind : List.of("Roles", "Users", "Groups")) {
                    for (String ref : r.strings(kind)) {
                        managedByPrincipalRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(arn);
                        count++;
                    }
                }
                managedAttachments.put(arn, count);
                sink.iamPolicies.add(IamPolicy.builder().arn(arn).name(nameOr(r, "ManagedPolicyName"))
                        .kind("CUSTOMER_MANAGED").defaultVersionId("v1").attachmentCount(count).build());
                if (doc != null) {
                    sink.policyStatements.addAll(PolicyDocuments.statements(arn, printable(doc)));
                }
                locate(arn, r);
            }
            case "AWS::Logs::LogGroup" -> logGroup(r, "LogGroupName", "RetentionInDays");
            case "Custom::LogRetention" -> logGroup(r, "LogGroupName", "RetentionInDays");
            case "AWS::Lambda::Permission" -> lambda.permission(r);
            case "AWS::Bedrock::DataSource" -> bedrock.dataSource(r);
            case "AWS::Logs::DeliverySource", "AWS::Logs::Delivery", "AWS::Logs::DeliveryDestination" -> deliveries.attaching(r);
            case "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Authorizer" -> api.attaching(r);
            default -> {
            }
        }
    }

    private void logGroup(Res r, String nameProp, String retentionProp) {
        String name = r.text(nameProp);
        if (name == null) {
            name = r.id();
        }
        logGroupNames.add(r.region() + "\u0000" + name);
        Integer retention = r.integer(retentionProp);
        if (retention == null && r.prop(retentionProp) == null) {
            r.note(retentionProp + " absent = never expire" + SVC_DEFAULT);
        }
        sink.logGroups.add(LogGroup.builder().name(name).arn(r.id()).region(r.region()).retentionDays(retention)
                .kmsKeyId(r.text("KmsKeyId")).build());
        locate(r.id(), r);
    }

    // ------------------------------------------------------------------ primary resources

    private void primary(Res r) {
        switch (r.type) {
            case "AWS::Cognito::UserPool" -> userPool(r);
            case "AWS::Cognito::UserPoolClient" -> userPoolClient(r);
            case "AWS::WAFv2::WebACL" -> webAcl(r);
            case "AWS::WAFv2::IPSet" -> {
                sink.ipSets.add(IpSet.builder().arn(r.id()).id(r.id()).name(nameOr(r, "Name")).scope(r.text("Scope"))
                        .region(r.region()).ipAddressVersion(r.text("IPAddressVersion"))
                        .addresses(r.strings("Addresses").stream().sorted().toList()).build());
                locate(r.id(), r);
            }
            case "AWS::CloudFront::Distribution" -> distribution(r);
            case "AWS::S3::Bucket" -> bucket(r);
            case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> principal(r);
            case "AWS::Bedrock::Guardrail" -> guardrail(r);
            case "AWS::Lambda::Function" -> lambda.function(r);
            case "AWS::CloudTrail::Trail" -> TrailMapping.trail(r, this);
            case "AWS::CloudWatch::Alarm" -> MonitoringMapping.alarm(r, this);
            case "AWS::Bedrock::Agent" -> bedrock.agent(r);
            case "AWS::Bedrock::KnowledgeBase" -> bedrock.knowledgeBase(r);
            case "AWS::Logs::MetricFilter" -> MonitoringMapping.metricFilter(r, this);
            case "AWS::ApiGateway::Method", "AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment" -> api.primary(r);
            case "AWS::KMS::Key" -> {
                boolean enabled = r.bool("Enabled", true, SVC_DEFAULT);
                boolean rotation = r.bool("EnableKeyRotation", false, SVC_DEFAULT);
                String spec = r.text("KeySpec");
                if (spec == null) {
                    r.note("KeySpec absent = SYMMETRIC_DEFAULT" + SVC_DEFAULT);
                }
                String origin = r.text("Origin");
                sink.kmsKeys.add(KmsKey.builder().keyId(r.id()).arn(r.id()).region(r.region()).keyManager("CUSTOMER")
                        .keyState(enabled ? "Enabled" : "Disabled").keySpec(spec == null ? "SYMMETRIC_DEFAULT" : spec)
                        .rotationEnabled(rotation).origin(origin == null ? "AWS_KMS" : origin)
                        .policyJson(keyPolicy(r)).build());
                locate(r.id(), r);
            }
            case "AWS::DynamoDB::Table" -> {
                boolean deletion = r.bool("DeletionProtectionEnabled", false, SVC_DEFAULT);
                boolean pitr = r.bool("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", false,
                        SVC_DEFAULT);
                sink.dynamoTables.add(io.tenken.facts.DynamoTable.builder().name(nameOr(r, "TableName")).arn(r.id())
                        .region(r.region()).deletionProtection(deletion).pointInTimeRecovery(pitr ? "ENABLED" : "DISABLED")
                        .build());
                locate(r.id(), r);
            }
            case "AWS::Cognito::IdentityPool" -> {
                List<String> providers = new ArrayList<>();
                JsonNode p = r.prop("CognitoIdentityProviders");
                if (p != null) {
                    p.forEach(x -> providers.add(x.path("ProviderName").asText()));
                }
                sink.identityPools.add(io.tenken.facts.IdentityPool.builder().id(r.id()).arn(r.id())
                        .name(nameOr(r, "IdentityPoolName")).region(r.region())
                        .allowUnauthenticatedIdentities(r.bool("AllowUnauthenticatedIdentities", false, null))
                        .allowClassicFlow(r.bool("AllowClassicFlow", false, SVC_DEFAULT))
                        .cognitoProviders(providers.stream().sorted().toList()).build());
                locate(r.id(), r);
            }
            case "AWS::EC2::VPCEndpoint" -> {
                String type = r.text("VpcEndpointType");
                if (type == null) {
                    r.note("VpcEndpointType absent = Gateway" + SVC_DEFAULT);
                }
                sink.vpcEndpoints.add(VpcEndpoint.builder().id(r.id()).templateId(r.id()).vpcId(r.text("VpcId"))
                        .region(r.region()).accountId(r.stack.account()).serviceName(r.text("ServiceName"))
                        .type(type == null ? "Gateway" : type).state("available").build());
                locate(r.id(), r);
            }
            default -> {
            }
        }
    }

    private void userPool(Res r) {
        boolean adminOnly = r.bool("AdminCreateUserConfig.AllowAdminCreateUserOnly", false, SVC_DEFAULT);
        JsonNode pw = r.prop("Policies.PasswordPolicy");
        Integer length;
        boolean upper;
        boolean lower;
        boolean numbers;
        boolean symbols;
        Integer tempDays;
        if (pw == null) {
            r.note("Policies.PasswordPolicy absent = length 8, uppercase, lowercase, numbers and symbols required, temporary passwords valid 7 days" + SVC_DEFAULT);
            length = 8;
            upper = lower = numbers = symbols = true;
            tempDays = 7;
        } else {
            length = r.integer("Policies.PasswordPolicy.MinimumLength");
            if (length == null) {
                r.note("MinimumLength absent = 8" + SVC_DEFAULT);
            }
            upper = r.bool("Policies.PasswordPolicy.RequireUppercase", false, SVC_DEFAULT);
            lower = r.bool("Policies.PasswordPolicy.RequireLowercase", false, SVC_DEFAULT);
            numbers = r.bool("Policies.PasswordPolicy.RequireNumbers", false, SVC_DEFAULT);
            symbols = r.bool("Policies.PasswordPolicy.RequireSymbols", false, SVC_DEFAULT);
            tempDays = r.integer("Policies.PasswordPolicy.TemporaryPasswordValidityDays");
            if (tempDays == null) {
                r.note("TemporaryPasswordValidityDays absent = 7" + SVC_DEFAULT);
            }
        }
        String mfa = r.text("MfaConfiguration");
        if (mfa == null && r.prop("MfaConfiguration") == null) {
            r.note("MfaConfiguration absent = OFF" + SVC_DEFAULT);
            mfa = "OFF";
        }
        List<String> enabledMfas = r.strings("EnabledMfas");
        String advanced = r.text("UserPoolAddOns.AdvancedSecurityMode");
        if (advanced == null) {
            r.note("UserPoolAddOns.AdvancedSecurityMode absent = OFF" + SVC_DEFAULT);
        }
        String deletion = r.text("DeletionProtection");
        if (deletion == null) {
            r.note("DeletionProtection absent = INACTIVE" + SVC_DEFAULT);
        }
        Map<String, String> tags = new TreeMap<>();
        JsonNode t = r.prop("UserPoolTags");
        if (t != null) {
            t.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        sink.userPools.add(UserPool.builder().id(r.id()).arn(r.id()).name(nameOr(r, "UserPoolName")).region(r.region())
                .allowAdminCreateUserOnly(adminOnly).preSignUpLambdaArn(r.text("LambdaConfig.PreSignUp"))
                .passwordMinLength(length).requireUppercase(upper).requireLowercase(lower).requireNumbers(numbers)
                .requireSymbols(symbols).temporaryPasswordValidityDays(tempDays).mfaConfiguration(mfa)
                .totpMfaEnabled(enabledMfas.contains("SOFTWARE_TOKEN_MFA"))
                .smsMfaEnabled(enabledMfas.contains("SMS_MFA"))
                .advancedSecurityMode(advanced).deletionProtection(deletion).tags(tags).webAclArn(webAclOf(r, r.id(), r.id()))
                .build());
        locate(r.id(), r);
    }

    private void userPoolClient(Res r) {
        Integer access = r.integer("AccessTokenValidity");
        Integer idToken = r.integer("IdTokenValidity");
        Integer refresh = r.integer("RefreshTokenValidity");
        String accessUnit = r.text("TokenValidityUnits.AccessToken");
        String idUnit = r.text("TokenValidityUnits.IdToken");
        String refreshUnit = r.text("TokenValidityUnits.RefreshToken");
        if (access == null) {
            r.note("AccessTokenValidity absent = 60 minutes" + SVC_DEFAULT);
        }
        if (idToken == null) {
            r.note("IdTokenValidity absent = 60 minutes" + SVC_DEFAULT);
        }
        if (refresh == null) {
            r.note("RefreshTokenValidity absent = 30 days" + SVC_DEFAULT);
        }
        String prevent = r.text("PreventUserExistenceErrors");
        if (prevent == null) {
            r.note("PreventUserExistenceErrors absent = LEGACY" + SVC_DEFAULT);
        }
        String pool = r.text("UserPoolId");
        sink.userPoolClients.add(UserPoolClient.builder().userPoolId(pool).userPoolArn(pool).clientId(r.id())
                .templateId(r.id()).clientName(nameOr(r, "ClientName")).region(r.region())
                .accessTokenValidity(access).accessTokenUnit(accessUnit).idTokenValidity(idToken).idTokenUnit(idUnit)
                .refreshTokenValidity(refresh).refreshTokenUnit(refreshUnit).preventUserExistenceErrors(prevent)
                .enableTokenRevocation(r.bool("EnableTokenRevocation", true, SVC_DEFAULT)).build());
        locate(r.id(), r);
    }

    private void webAcl(Res r) {
        JsonNode def = r.prop("DefaultAction");
        String action = def == null ? null : def.has("Block") ? "BLOCK" : def.has("Allow") ? "ALLOW" : null;
        TreeSet<String> assoc = aclAssociations.getOrDefault(r.id(), new TreeSet<>());
        sink.webAcls.add(WebAcl.builder().arn(r.id()).id(r.id()).name(nameOr(r, "Name")).scope(r.text("Scope"))
                .region(r.region()).defaultAction(action).loggingEnabled(aclLogging.getOrDefault(r.id(), false))
                .associatedResourceArns(List.copyOf(assoc)).build());
        JsonNode rules = r.prop("Rules");
        if (rules != null) {
            for (JsonNode rule : rules) {
                JsonNode a = rule.path("Action");
                JsonNode o = rule.path("OverrideAction");
                sink.wafRules.add(WafRule.builder().webAclArn(r.id()).name(rule.path("Name").asText())
                        .priority(rule.path("Priority").asInt())
                        .action(a.isObject() && a.size() > 0 ? a.fieldNames().next().toUpperCase(Locale.ROOT) : null)
                        .overrideAction(o.isObject() && o.size() > 0 ? (o.has("Count") ? "COUNT" : "NONE") : null)
                        .statement(statement(rule.path("Statement"))).build());
            }
        }
        locate(r.id(), r);
    }

    static WafStatement statement(JsonNode s) {
        WafStatement.WafStatementBuilder b = WafStatement.builder();
        if (s.has("IPSetReferenceStatement")) {
            JsonNode i = s.get("IPSetReferenceStatement");
            return b.kind(i.has("IPSetForwardedIPConfig") ? "IP_SET_FORWARDED" : "IP_SET").ipSetArn(i.path("Arn").asText()).build();
        }
        if (s.has("GeoMatchStatement")) {
            List<String> codes = new ArrayList<>();
            s.get("GeoMatchStatement").path("CountryCodes").forEach(c -> codes.add(c.asText()));
            return b.kind("GEO_MATCH").countryCodes(codes).build();
        }
        if (s.has("RateBasedStatement")) {
            JsonNode rb = s.get("RateBasedStatement");
            b.kind("RATE_BASED").rateLimit(rb.path("Limit").asLong()).aggregateKeyType(rb.path("AggregateKeyType").asText("IP"));
            if (rb.has("ScopeDownStatement")) {
                b.children(List.of(statement(rb.get("ScopeDownStatement"))));
            }
            return b.build();
        }
        if (s.has("ManagedRuleGroupStatement") || s.has("RuleGroupReferenceStatement")) {
            boolean managed = s.has("ManagedRuleGroupStatement");
            JsonNode g = managed ? s.get("ManagedRuleGroupStatement") : s.get("RuleGroupReferenceStatement");
            List<String> counted = new ArrayList<>();
            g.path("ExcludedRules").forEach(e -> counted.add(e.path("Name").asText()));
            g.path("RuleActionOverrides").forEach(e -> {
                if (e.path("ActionToUse").has("Count")) {
                    counted.add(e.path("Name").asText());
                }
            });
            return managed ? b.kind("MANAGED_RULE_GROUP").vendorName(g.path("VendorName").asText())
                    .managedGroupName(g.path("Name").asText()).countOverriddenRules(counted).build()
                    : b.kind("RULE_GROUP").managedGroupName(g.path("Arn").asText()).countOverriddenRules(counted).build();
        }
        for (String kind : List.of("AndStatement", "OrStatement")) {
            if (s.has(kind)) {
                List<WafStatement> children = new ArrayList<>();
                s.get(kind).path("Statements").forEach(c -> children.add(statement(c)));
                return b.kind(kind.equals("AndStatement") ? "AND" : "OR").children(children).build();
            }
        }
        if (s.has("NotStatement")) {
            return b.kind("NOT").children(List.of(statement(s.get("NotStatement").path("Statement")))).build();
        }
        return b.kind("OTHER").build();
    }

    private static final List<String> STRENGTH = List.of("allow-all", "redirect-to-https", "https-only");

    private void distribution(Res r) {
        String acl = r.text("DistributionConfig.WebACLId");
        List<String> policies = new ArrayList<>();
        String def = r.text("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy");
        if (def != null) {
            policies.add(def);
        }
        JsonNode behaviours = r.prop("DistributionConfig.CacheBehaviors");
        if (behaviours != null) {
            behaviours.forEach(b -> policies.add(b.path("ViewerProtocolPolicy").asText()));
        }
        String weakest = policies.stream()
                .min(java.util.Comparator.comparingInt(p -> STRENGTH.indexOf(p) < 0 ? -1 : STRENGTH.indexOf(p))).orElse(null);
        boolean defaultCert;
        String min;
        if (!r.has("DistributionConfig.ViewerCertificate")) {
            r.note("ViewerCertificate absent = the default *.cloudfront.net certificate, which accepts TLSv1" + SVC_DEFAULT);
            defaultCert = true;
            min = "TLSv1";
        } else {
            // Read setting by setting: a certificate ARN known only at deployment leaves the minimum protocol known.
            String cert = "DistributionConfig.ViewerCertificate.";
            defaultCert = r.bool(cert + "CloudFrontDefaultCertificate", false, null)
                    || !r.has(cert + "AcmCertificateArn") && !r.has(cert + "IamCertificateId");
            min = r.text(cert + "MinimumProtocolVersion");
            if (defaultCert) {
                min = "TLSv1";
            } else if (min == null) {
                r.note("ViewerCertificate.MinimumProtocolVersion absent = TLSv1" + SVC_DEFAULT);
                min = "TLSv1";
            }
        }
        List<String> aliases = r.strings("DistributionConfig.Aliases");
        DeliveryMapping.Deliveries v2 = deliveries.of(r.id());
        sink.distributions.add(CloudFrontDistribution.builder().id(r.id()).arn(r.id()).aliases(aliases)
                .accessLogDeliveries(v2.entries()).unknown(v2.unknown())
                .enabled(r.bool("DistributionConfig.Enabled", false, null))
                .webAclId(acl == null || acl.isBlank() ? null : acl).viewerProtocolPolicy(weakest)
                .minimumProtocolVersion(min).defaultCertificate(defaultCert)
                .origins(origins(r)).standardLogging(raw(r, "DistributionConfig.Logging") != null)
                .standardLoggingBucket(raw(r, "DistributionConfig.Logging") == null ? null
                        : printableText(raw(r, "DistributionConfig.Logging.Bucket")))
                .realtimeLogConfigArn(raw(r, "DistributionConfig.DefaultCacheBehavior.RealtimeLogConfigArn") == null ? null
                        : printableText(raw(r, "DistributionConfig.DefaultCacheBehavior.RealtimeLogConfigArn")))
                .build());
        locate(r.id(), r);
    }

    private void bucket(Res r) {
        // A name given but unknown before deployment is recorded (rules read names: sensitive and log buckets).
        r.prop("BucketName");
        JsonNode ref = r.resolver.resolve(Json.MAPPER.createObjectNode().put("Ref", r.logicalId));
        String name = Unresolved.is(ref) ? r.id() : ref.asText();
        JsonNode sse = r.prop("BucketEncryption.ServerSideEncryptionConfiguration");
        String algorithm;
        String kmsKey = null;
        boolean bucketKey = false;
        if (sse == null || sse.isEmpty()) {
            r.note("BucketEncryption absent = SSE-S3 (AES256), applied to every new bucket since January 2023" + SVC_DEFAULT);
            algorithm = "AES256";
        } else {
            JsonNode first = sse.get(0);
            algorithm = first.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText(null);
            kmsKey = first.path("ServerSideEncryptionByDefault").path("KMSMasterKeyID").asText(null);
            bucketKey = first.path("BucketKeyEnabled").asBoolean(false);
        }
        PublicAccessBlock pab;
        if (r.prop("PublicAccessBlockConfiguration") == null) {
            r.note("PublicAccessBlockConfiguration absent = all four settings on, applied to every new bucket since April 2023" + SVC_DEFAULT);
            pab = PublicAccessBlock.builder().blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                    .restrictPublicBuckets(true).build();
        } else {
            pab = PublicAccessBlock.builder()
                    .blockPublicAcls(r.bool("PublicAccessBlockConfiguration.BlockPublicAcls", false, SVC_DEFAULT))
                    .ignorePublicAcls(r.bool("PublicAccessBlockConfiguration.IgnorePublicAcls", false, SVC_DEFAULT))
                    .blockPublicPolicy(r.bool("PublicAccessBlockConfiguration.BlockPublicPolicy", false, SVC_DEFAULT))
                    .restrictPublicBuckets(r.bool("PublicAccessBlockConfiguration.RestrictPublicBuckets", false, SVC_DEFAULT))
                    .build();
        }
        Integer expiration = null;
        List<LifecycleExpiration> expirations = new ArrayList<>();
        JsonNode rules = r.prop("LifecycleConfiguration.Rules");
        if (rules != null) {
            for (JsonNode rule : rules) {
                if (!rule.has("ExpirationInDays")) {
                    continue;
                }
                int days = rule.path("ExpirationInDays").asInt();
                expirations.add(LifecycleExpiration.builder().status(rule.path("Status").asText()).days(days)
                        .prefix(rule.path("Prefix").asText("")).tagFilter(!rule.path("TagFilters").isEmpty())
                        .sizeFilter(rule.has("ObjectSizeGreaterThan") || rule.has("ObjectSizeLessThan")).build());
                if ("Enabled".equals(rule.path("Status").asText())) {
                    expiration = expiration == null ? days : Math.min(expiration, days);
                }
            }
        }
        Map<String, String> tags = new TreeMap<>();
        JsonNode t = r.prop("Tags");
        if (t != null) {
            t.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        }
        JsonNode ownershipRules = raw(r, "OwnershipControls.Rules");
        String ownership = ownershipRules != null && ownershipRules.isArray() && ownershipRules.size() > 0
                ? printableText(ownershipRules.get(0).path("ObjectOwnership")) : null;
        if (raw(r, "OwnershipControls") == null) {
            r.note("OwnershipControls absent = BucketOwnerEnforced (ACLs disabled), applied to every new bucket since April 2023"
                    + SVC_DEFAULT);
            ownership = "BucketOwnerEnforced";
        }
        List<AclGrant> grants = "BucketOwnerEnforced".equals(ownership) ? null : cannedAcl(r.text("AccessControl"));
        String policy = bucketPolicies.get(name);
        Res policySource = bucketPolicySources.get(name);
        if (policySource != null) {
            inheritErrors(policySource.id(), r.id());
        }
        sink.buckets.add(Bucket.builder().name(name).arn(r.id()).region(r.region()).encryptionAlgorithm(algorithm)
                .kmsKeyId(kmsKey).bucketKeyEnabled(bucketKey).publicAccessBlock(pab).policyJson(policy)
                .versioning(r.text("VersioningConfiguration.Status"))
                .objectLockEnabled(r.bool("ObjectLockEnabled", false, null))
                .lifecycleExpirationDays(expiration).lifecycleExpirations(List.copyOf(expirations))
                .accessLogTargetBucket(r.text("LoggingConfiguration.DestinationBucketName"))
                .accessLogTargetPrefix(r.prop("LoggingConfiguration") == null ? null
                        : Objects.requireNonNullElse(r.text("LoggingConfiguration.LogFilePrefix"), ""))
                .tags(tags).objectOwnership(ownership).aclGrants(grants).build());
        locate(r.id(), r);
    }

    private void principal(Res r) {
        String kind = r.type.substring("AWS::IAM::".length()).toUpperCase(Locale.ROOT);
        String arn = r.id();
        List<String> refs = new ArrayList<>();
        for (Map.Entry<String, String> e : principalArnByRef.entrySet()) {
            if (e.getValue().equals(arn)) {
                refs.add(e.getKey());
            }
        }
        TreeSet<String> attached = new TreeSet<>(r.strings("ManagedPolicyArns"));
        refs.forEach(ref -> attached.addAll(managedByPrincipalRef.getOrDefault(ref, List.of())));
        attached.stream().filter(a -> a.contains(":iam::aws:policy/")).forEach(awsManagedUsed::add);
        List<String> groups = new ArrayList<>();
        if (kind.equals("USER")) {
            r.strings("Groups").forEach(g -> groups.add(principalArnByRef.getOrDefault(g, g)));
        }
        List<String> trusted = List.of();
        JsonNode trust = r.prop("AssumeRolePolicyDocument");
        if (trust != null) {
            trusted = PolicyDocuments.trustedServices(printable(trust));
        }
        String path = r.text("Path");
        sink.iamPrincipals.add(IamPrincipal.builder().arn(arn).name(nameOr(r, kind.equals("ROLE") ? "RoleName"
                        : kind.equals("USER") ? "UserName" : "GroupName")).type(kind).path(path == null ? "/" : path)
                .attachedPolicyArns(List.copyOf(attached)).groupArns(groups).trustedServices(trusted)
                .trustPolicyJson(trust == null ? null : printable(trust)).build());
        JsonNode policies = r.prop("Policies");
        if (policies != null) {
            for (JsonNode p : policies) {
                inline(arn, p.path("PolicyName").asText(), printable(p.path("PolicyDocument")), r);
            }
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String ref : refs) {
            for (String[] p : inlineByPrincipalRef.getOrDefault(ref, List.of())) {
                if (done.add(p[2] + "\u0000" + p[0])) {
                    inline(arn, p[0], p[1], null);
                    inheritErrors(p[2], arn);
                }
            }
        }
        locate(arn, r);
    }

    private void inline(String principalArn, String name, String doc, Res source) {
        String arn = principalArn + "/inline-policy/" + name;
        sink.iamPolicies.add(IamPolicy.builder().arn(arn).name(name).kind("INLINE").principalArn(principalArn).build());
        sink.policyStatements.addAll(PolicyDocuments.statements(arn, doc));
        if (source != null) {
            locate(arn, source);
        }
    }

    private void guardrail(Res r) {
        List<Guardrail.ContentFilter> filters = new ArrayList<>();
        JsonNode f = r.prop("ContentPolicyConfig.FiltersConfig");
        if (f != null) {
            f.forEach(x -> filters.add(Guardrail.ContentFilter.builder().type(x.path("Type").asText())
                    .inputStrength(x.path("InputStrength").asText(null)).outputStrength(x.path("OutputStrength").asText(null))
                    .build()));
        }
        List<String> pii = new ArrayList<>();
        JsonNode p = r.prop("SensitiveInformationPolicyConfig.PiiEntitiesConfig");
        if (p != null) {
            p.forEach(x -> {
                String action = x.path("Action").asText("");
                if (action.equals("BLOCK") || action.equals("ANONYMIZE")) {
                    pii.add(x.path("Type").asText() + ":" + action);
                }
            });
        }
        JsonNode regexes = r.prop("SensitiveInformationPolicyConfig.RegexesConfig");
        int regexCount = 0;
        if (regexes != null) {
            for (JsonNode x : regexes) {
                String action = x.path("Action").asText("");
                if (action.equals("BLOCK") || action.equals("ANONYMIZE")) {
                    regexCount++;
                }
            }
        }
        sink.guardrails.add(Guardrail.builder().id(r.id()).arn(r.id()).name(nameOr(r, "Name")).region(r.region())
                .version("DRAFT").status("READY").contentFilters(filters).piiEntityTypes(pii).regexFilterCount(regexCount)
                .kmsKeyArn(r.text("KmsKeyArn")).build());
        sink.bedrockRegions.add(r.region());
        locate(r.id(), r);
    }

    /**
     * A function without a log group of its own ({@code LoggingConfig.LogGroup}, a
     * {@code /aws/lambda/NAME} log group or CDK's log-retention resource) logs to a group Lambda
     * creates on first invocation, which never expires: that group is a fact too.
     */
    private void implicitLogGroup(Res r) {
        if (r.has("LoggingConfig.LogGroup")) {
            return; // its own group, even when unresolved (then the function's logGroupName is unknown)
        }
        String name = "/aws/lambda/" + refText(r);
        if (logGroupNames.contains(r.region() + "\u0000" + name)) {
            return;
        }
        String id = r.id() + "/implicit-log-group";
        r.note("no LoggingConfig.LogGroup, no " + name + " log group and no log retention resource: the function logs to "
                + name + ", which Lambda creates on first invocation with retention never expire");
        sink.logGroups.add(LogGroup.builder().name(name).arn(id).region(r.region()).retentionDays(null).build());
        locate(id, r);
    }

    // ------------------------------------------------------------------ helpers

    static String nameOr(Res r, String property) {
        String n = r.text(property);
        return n != null ? n : r.logicalId;
    }

    /** JSON text of a resolved value; unresolved parts are written as their expression. */
    /** A property as written in the template (not resolved, so nothing is recorded as unresolved); null when absent. */
    private static JsonNode raw(Res r, String path) {
        JsonNode n = r.node.path("Properties");
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    private static String printableText(JsonNode n) {
        return n == null ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /**
     * KMS-02 reads the key policy: as written (intrinsic functions kept as JSON, which never reads as
     * Principal *); absent means the default key policy, which allows only the account.
     */
    private static String keyPolicy(Res r) {
        JsonNode p = raw(r, "KeyPolicy");
        if (p == null) {
            r.note("KeyPolicy absent = the default key policy (the account root only)" + SVC_DEFAULT);
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + r.stack.account() + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        }
        return p.isTextual() ? p.asText() : p.toString();
    }

    /**
     * CLOUDFRONT-02 reads the origins as written: a DomainName that is a GetAtt of a bucket's
     * DomainName or RegionalDomainName is an S3 REST endpoint, of its WebsiteURL a website endpoint.
     */
    private static List<CloudFrontOrigin> origins(Res r) {
        JsonNode origins = raw(r, "DistributionConfig.Origins");
        List<CloudFrontOrigin> out = new ArrayList<>();
        if (origins == null || !origins.isArray()) {
            return out;
        }
        for (JsonNode o : origins) {
            JsonNode d = o.path("DomainName");
            String domain = d.isTextual() ? d.asText() : null;
            JsonNode getAtt = d.path("Fn::GetAtt");
            if (domain == null && getAtt.isArray() && getAtt.size() == 2) {
                String attr = getAtt.get(1).asText();
                domain = attr.equals("WebsiteURL") ? getAtt.get(0).asText() + ".s3-website-region.amazonaws.com"
                        : attr.endsWith("DomainName") ? getAtt.get(0).asText() + ".s3.amazonaws.com" : d.toString();
            }
            JsonNode oac = o.path("OriginAccessControlId");
            JsonNode oai = o.path("S3OriginConfig").path("OriginAccessIdentity");
            out.add(CloudFrontOrigin.builder().id(o.path("Id").asText())
                    .domainName(domain == null ? d.toString() : domain)
                    .originAccessControlId(oac.isMissingNode() || (oac.isTextual() && oac.asText().isBlank()) ? null
                            : printableText(oac))
                    .s3OriginConfig(o.has("S3OriginConfig"))
                    .originAccessIdentity(oai.isMissingNode() || (oai.isTextual() && oai.asText().isBlank()) ? null
                            : printableText(oai))
                    .build());
        }
        return out;
    }

    /** The grants of a canned ACL (AccessControl); absent or Private: none besides the owner. */
    private static List<AclGrant> cannedAcl(String canned) {
        List<AclGrant> out = new ArrayList<>();
        String all = io.tenken.checks.ResourcePolicies.ALL_USERS;
        if ("PublicRead".equals(canned) || "PublicReadWrite".equals(canned)) {
            out.add(AclGrant.builder().granteeType("Group").granteeUri(all).permission("READ").build());
        }
        if ("PublicReadWrite".equals(canned)) {
            out.add(AclGrant.builder().granteeType("Group").granteeUri(all).permission("WRITE").build());
        }
        if ("AuthenticatedRead".equals(canned)) {
            out.add(AclGrant.builder().granteeType("Group").granteeUri(io.tenken.checks.ResourcePolicies.AUTHENTICATED_USERS)
                    .permission("READ").build());
        }
        if ("LogDeliveryWrite".equals(canned)) {
            out.add(AclGrant.builder().granteeType("Group").granteeUri(io.tenken.checks.ResourcePolicies.LOG_DELIVERY)
                    .permission("WRITE").build());
        }
        return List.copyOf(out);
    }

    static String printable(JsonNode n) {
        return replaceUnresolved(n).toString();
    }

    private static JsonNode replaceUnresolved(JsonNode n) {
        if (Unresolved.is(n)) {
            return Json.MAPPER.getNodeFactory().textNode(Unresolved.of(n).expression());
        }
        if (n.isObject()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), replaceUnresolved(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            var a = Json.MAPPER.createArrayNode();
            n.forEach(x -> a.add(replaceUnresolved(x)));
            return a;
        }
        return n;
    }

    /** What {@code Ref} of the resource gives in this run: its physical name when the template sets one, else its identity. */
    static String refText(Res r) {
        JsonNode ref = r.resolver.resolve(Json.MAPPER.createObjectNode().put("Ref", r.logicalId));
        return Unresolved.is(ref) ? r.id() : ref.asText();
    }

    static String partitionOf(Res r) {
        String p = Resolver.partition(r.stack.region());
        return p == null ? "aws" : p;
    }

    /**
     * The web ACL an association attaches to {@code target} (the resource's ARN as templates name
     * it); null when none. When none is known but an association names the target with an
     * unresolved web ACL, or names an unresolved target in the same region (it could be this one),
     * the association's error is the resource's too: its WAF verdict is ERROR, not "no WAF".
     */
    String webAclOf(Res r, String target, String resourceId) {
        String acl = aclByTarget.get(target);
        if (acl == null) {
            Res unknownAcl = unknownAclByTarget.get(target);
            if (unknownAcl != null) {
                inheritErrors(unknownAcl.id(), resourceId, r.service());
            }
            unknownTargetAssociations.stream().filter(a -> a.region().equals(r.region()))
                    .forEach(a -> inheritErrors(a.id(), resourceId, r.service()));
        }
        return acl;
    }

    void locate(String resourceId, Res r) {
        locations.put(resourceId, TemplateResource.builder().resourceId(resourceId).stack(r.stack.name())
                .logicalId(r.logicalId).type(r.type).file(r.stack.template().displayPath())
                .line(r.stack.template().lineOf(r.logicalId)).cdkPath(r.cdkPath()).defaults(List.copyOf(r.defaults))
                .build());
    }

    /** A policy with an unresolved part cannot be judged: the resource it attaches to is ERROR too. */
    void inheritErrors(String fromResourceId, String toResourceId) {
        inheritErrors(fromResourceId, toResourceId, null);
    }

    /** As above, recorded under {@code service} (the service of the rules that judge the resource) when given. */
    void inheritErrors(String fromResourceId, String toResourceId, String service) {
        for (CollectionError e : List.copyOf(errors)) {
            if (fromResourceId.equals(e.getResourceId())) {
                CollectionError.CollectionErrorBuilder b = e.toBuilder().resourceId(toResourceId);
                errors.add((service == null ? b : b.service(service)).build());
            }
        }
    }
}
