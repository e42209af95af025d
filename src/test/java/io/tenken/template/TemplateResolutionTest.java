package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;
import io.tenken.derive.Derive;
import io.tenken.facts.CollectionError;
import io.tenken.facts.LogGroup;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Resolution, never guessing: each intrinsic function, and what stays unresolved. */
class TemplateResolutionTest {
    static final Path DIR = Path.of("src/test/resources/template");

    static Snapshot snapshot(Path... paths) {
        return TemplateSource.snapshot(List.of(paths), null);
    }

    static Report report(Snapshot s) {
        return Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64)));
    }

    static Map<String, LogGroup> logGroups(Snapshot s) {
        return s.getFacts().getLogGroups().stream().collect(Collectors.toMap(LogGroup::getName, g -> g));
    }

    @Test
    void intrinsicFunctionsInYamlShortFormsResolve() {
        Snapshot s = snapshot(DIR.resolve("resolution/functions.yaml"));
        Map<String, LogGroup> groups = logGroups(s);
        // Environment-agnostic template: AWS::Region is unknown, so the Sub that reads it is too.
        assertTrue(s.getErrors().stream().anyMatch(e -> e.getResourceId().equals("functions/AppLogs")
                && e.getMessage().contains("${Env}-${AWS::Region}")), s.getErrors().toString());
        LogGroup app = groups.get("functions/AppLogs");
        assertEquals(365, app.getRetentionDays(), "FindInMap with the parameter default");
        assertFalse(groups.containsKey("/app/dev-only"), "Condition NotProd is false: the resource does not exist");
        assertEquals(90, groups.get("/aws/lambda/genu-fn").getRetentionDays(), "Join of Ref to a named function");
        assertEquals(null, groups.get("/aws/lambda/functions/Orphan").getRetentionDays(), "implicit log group");
        assertEquals("functions/Orphan/implicit-log-group", groups.get("/aws/lambda/functions/Orphan").getArn());
        assertFalse(groups.containsKey("/aws/lambda/genu-fn") && groups.values().stream()
                .anyMatch(g -> g.getArn().equals("functions/Fn/implicit-log-group")), "Fn has its own log group");

        var pool = s.getFacts().getUserPools().get(0);
        assertEquals("ON", pool.getMfaConfiguration(), "Fn::If on a condition over a parameter default");
        var client = s.getFacts().getUserPoolClients().get(0);
        assertEquals("functions/Pool", client.getUserPoolId(), "Ref of a resource is its identity in this run");
        assertEquals(30, client.getAccessTokenValidity(), "Fn::Select");
        assertEquals("functions/Client", client.getResourceId());

        // AWS::AccountId unknown (no environment) → the bucket name is unresolved, never guessed.
        assertTrue(s.getErrors().stream().anyMatch(e -> e.getResourceId().equals("functions/JoinedBucket")
                && e.getMessage().contains("AWS::AccountId")), s.getErrors().toString());
        assertEquals("functions/JoinedBucket", s.getFacts().getBuckets().get(0).getName());
    }

    @Test
    void unresolvedValuesAreErrorWithTheExpression() {
        Snapshot s = snapshot(DIR.resolve("resolution/functions.yaml"));
        CollectionError custom = s.getErrors().stream().filter(e -> "functions/CustomRetention".equals(e.getResourceId()))
                .findFirst().orElseThrow();
        assertEquals("Unresolved", custom.getErrorCode());
        assertTrue(custom.getMessage().contains("{\"Fn::GetAtt\":[\"Days\",\"Value\"]}"), custom.getMessage());
        CollectionError deploy = s.getErrors().stream().filter(e -> "functions/DeployTimeLogs".equals(e.getResourceId()))
                .findFirst().orElseThrow();
        assertTrue(deploy.getMessage().contains("Deployed"), deploy.getMessage());

        Report r = report(s);
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("LOGS-01")
                && x.resourceId().equals("functions/CustomRetention")).findFirst().orElseThrow();
        assertEquals(Status.ERROR, f.status());
        assertTrue(r.text(f.observed()).contains("Fn::GetAtt"), r.text(f.observed()));
        // The provenance is the expression and where it stands, never a "collection failed".
        assertTrue(r.text(f.observed()).contains("unresolved expression"), r.text(f.observed()));
        assertTrue(r.text(f.observed()).contains("functions.yaml:"), r.text(f.observed()));
        assertFalse(r.text(f.observed()).contains("collection failed"), r.text(f.observed()));
        Finding known = r.findings().stream().filter(x -> x.ruleId().equals("LOGS-01")
                && x.resourceId().equals("functions/FnLogs")).findFirst().orElseThrow();
        assertEquals(Status.PASS, known.status(), "a verdict that read nothing unknown is untouched");
    }

    @Test
    void bundledAwsManagedPoliciesAndInlinePoliciesJudgeTheRole() {
        Report r = report(snapshot(DIR.resolve("resolution/functions.yaml")));
        Finding role = r.findings().stream().filter(x -> x.ruleId().equals("IAM-01")
                && x.resourceId().equals("functions/FnRole")).findFirst().orElseThrow();
        assertEquals(Status.PASS, role.status(), r.text(role.observed()));
        assertTrue(r.text(role.observed()).contains("anthropic.claude-3-haiku"), r.text(role.observed()));
    }

    @Test
    void parameterDefaultsInJsonTemplates() {
        Snapshot s = snapshot(DIR.resolve("resolution/manifest-free.json"));
        assertEquals(14, logGroups(s).get("/free/logs").getRetentionDays());
    }

    @Test
    void webAclIdThroughImportValueJoinsTheWebAclOfTheOtherStack() {
        Snapshot s = Derive.apply(snapshot(DIR.resolve("hardened-same-region")));
        var acl = s.getFacts().getWebAcls().get(0);
        assertEquals("CloudFrontWafStack/WebAcl", acl.getArn());
        assertEquals(List.of("GenerativeAiUseCasesStack/WebDistribution"), acl.getAssociatedResourceArns());
        Report r = report(s);
        Map<String, Finding> waf02 = r.findings().stream().filter(f -> f.ruleId().equals("WAF-02"))
                .collect(Collectors.toMap(Finding::resourceId, f -> f));
        assertEquals(Status.PASS, waf02.get("GenerativeAiUseCasesStack/WebDistribution").status());
        Finding missing = waf02.get("GenerativeAiUseCasesStack/Missing");
        assertEquals(Status.ERROR, missing.status(), "an import nobody exports is unknown, not 'no WAF'");
        assertTrue(r.text(missing.observed()).contains("NoSuchStack:Export"), r.text(missing.observed()));
        assertEquals(Status.PASS, r.findings().stream().filter(f -> f.ruleId().equals("WAF-01")).findFirst()
                .orElseThrow().status(), "the IP allowlist of the imported ACL is judged");
    }

    @Test
    void webAclIdThroughTheCrossRegionExportReaderJoinsTheWriterStack() {
        Snapshot s = Derive.apply(snapshot(DIR.resolve("hardened-cross-region")));
        var acl = s.getFacts().getWebAcls().get(0);
        assertEquals("us-east-1", acl.getRegion());
        assertEquals(List.of("GenerativeAiUseCasesStack/WebDistribution"), acl.getAssociatedResourceArns());
        Report r = report(s);
        Map<String, Finding> waf02 = r.findings().stream().filter(f -> f.ruleId().equals("WAF-02"))
                .collect(Collectors.toMap(Finding::resourceId, f -> f));
        assertEquals(Status.PASS, waf02.get("GenerativeAiUseCasesStack/WebDistribution").status());
        assertEquals(Status.ERROR, waf02.get("GenerativeAiUseCasesStack/Missing").status());
        assertTrue(r.text(waf02.get("GenerativeAiUseCasesStack/Missing").observed()).contains("/cdk/exports/GenerativeAiUseCasesStack/NotWritten"));
        assertEquals(Status.PASS, r.findings().stream().filter(f -> f.ruleId().equals("CLOUDFRONT-01")
                && f.resourceId().endsWith("WebDistribution")).findFirst().orElseThrow().status());
    }

    @Test
    void nestedStacksGetTheirParametersAndGiveTheirOutputs() {
        Snapshot s = snapshot(DIR.resolve("nested"));
        assertEquals(List.of("ParentStack", "ParentStack/Inner"), s.getSource().getStacks());
        Map<String, LogGroup> groups = logGroups(s);
        assertEquals(30, groups.get("/inner/logs").getRetentionDays(), "parameter passed by the parent, resolved in it");
        assertEquals("ParentStack/Inner/InnerLogs", groups.get("/inner/logs").getArn());
        assertEquals("eu-west-1", groups.get("/inner/logs").getRegion(), "the parent's environment");
        assertEquals(30, groups.get("/parent/reads-output").getRetentionDays(), "Fn::GetAtt Inner.Outputs.Retention");
        assertTrue(s.getSource().getResources().stream().anyMatch(r -> r.getResourceId().equals("ParentStack/Inner/InnerLogs")
                && r.getFile().endsWith("ParentStackInnerABCD.nested.template.json") && r.getLine() > 1));
    }

    @Test
    void strictReader() {
        Path f = Path.of("t.yaml");
        var dup = assertThrows(InvalidInputException.class, () -> TemplateReader.parse(f, "t.yaml",
                "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(dup.getMessage().startsWith("t.yaml:4:") && dup.getMessage().contains("duplicate key 'A'"), dup.getMessage());
        var dupJson = assertThrows(InvalidInputException.class, () -> TemplateReader.parse(f, "t.json",
                "{\"Resources\": {\"A\": {\"Type\": \"x\", \"Type\": \"y\"}}}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(dupJson.getMessage().contains(":1:") && dupJson.getMessage().contains("duplicate key 'Type'"), dupJson.getMessage());
        var nul = assertThrows(InvalidInputException.class, () -> TemplateReader.parse(f, "t.yaml",
                "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName:\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(nul.getMessage().contains("null value"), nul.getMessage());
        var tag = assertThrows(InvalidInputException.class, () -> TemplateReader.parse(f, "t.yaml",
                "Resources:\n  A:\n    Type: !bogus x\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(tag.getMessage().contains("unknown YAML tag"), tag.getMessage());
        var doc = TemplateReader.parse(f, "t.yaml", ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                + "      BucketName: !Sub '${AWS::StackName}-x'\n      Tags:\n        - Key: k\n          Value: !GetAtt B.Arn\n"
                + "  B:\n    Type: AWS::S3::Bucket\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, doc.lineOf("A"));
        assertEquals(9, doc.lineOf("B"));
        assertEquals("{\"Fn::Sub\":\"${AWS::StackName}-x\"}", doc.root().at("/Resources/A/Properties/BucketName").toString());
        assertEquals("{\"Fn::GetAtt\":[\"B\",\"Arn\"]}", doc.root().at("/Resources/A/Properties/Tags/0/Value").toString());
        assertNull(Unresolved.find(doc.root()));
    }
}
