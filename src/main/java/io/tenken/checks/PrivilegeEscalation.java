package io.tenken.checks;

import io.tenken.facts.PolicyStatement;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * iam.privilege-escalation: can a principal that is not an administrator grant itself more?
 * Principal-centric (its attached, inline and group policies, as {@link IamGrants#effective}
 * gathers them), over a list of known escalation paths: each path is a set of actions that,
 * held together, let the holder raise its own permissions (Rhino Security Labs' and Bishop
 * Fox's catalogues, as in Prowler's {@code privilege_escalation.py}).
 *
 * <ul>
 * <li>An action counts when an unconditional Allow covers it on <i>any</i> resource: a
 *     grant limited to named roles or policies may still name a privileged one, and whether it
 *     does is not analysed (Prowler reads it the same way).</li>
 * <li>An unconditional Deny of the action on every resource ({@code Resource "*"}) removes it;
 *     a narrower Deny does not.</li>
 * <li>A conditional Allow is not counted (the condition is the organisation's restriction) but
 *     is listed in the evidence.</li>
 * <li>Administrators are exempt: principals whose ARN matches the policy's
 *     {@code administratorPrincipalPatterns}. Any other principal that holds every action (an
 *     unconditional {@code *} on {@code *}, from any policy, AWS managed AdministratorAccess
 *     included) fails: every path is open to it.</li>
 * </ul>
 */
public final class PrivilegeEscalation {
    /** Escalation paths: a name and the actions that, together, open it. */
    public static final Map<String, List<String>> PATHS = paths();

    private PrivilegeEscalation() {
    }

    private static Map<String, List<String>> paths() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("iam:CreatePolicyVersion", List.of("iam:CreatePolicyVersion"));
        m.put("iam:SetDefaultPolicyVersion", List.of("iam:SetDefaultPolicyVersion"));
        m.put("iam:AttachUserPolicy", List.of("iam:AttachUserPolicy"));
        m.put("iam:AttachGroupPolicy", List.of("iam:AttachGroupPolicy"));
        m.put("iam:AttachRolePolicy", List.of("iam:AttachRolePolicy"));
        m.put("iam:PutUserPolicy", List.of("iam:PutUserPolicy"));
        m.put("iam:PutGroupPolicy", List.of("iam:PutGroupPolicy"));
        m.put("iam:PutRolePolicy", List.of("iam:PutRolePolicy"));
        m.put("iam:AddUserToGroup", List.of("iam:AddUserToGroup"));
        m.put("iam:UpdateAssumeRolePolicy", List.of("iam:UpdateAssumeRolePolicy"));
        m.put("iam:CreateAccessKey", List.of("iam:CreateAccessKey"));
        m.put("iam:CreateLoginProfile", List.of("iam:CreateLoginProfile"));
        m.put("iam:UpdateLoginProfile", List.of("iam:UpdateLoginProfile"));
        m.put("iam:PassRole+ec2:RunInstances", List.of("iam:PassRole", "ec2:RunInstances"));
        m.put("iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction",
                List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"));
        m.put("iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping",
                List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"));
        m.put("iam:PassRole+lambda:CreateFunction+lambda:AddPermission",
                List.of("iam:PassRole", "lambda:CreateFunction", "lambda:AddPermission"));
        m.put("lambda:UpdateFunctionCode", List.of("lambda:UpdateFunctionCode"));
        m.put("iam:PassRole+cloudformation:CreateStack", List.of("iam:PassRole", "cloudformation:CreateStack"));
        m.put("cloudformation:CreateChangeSet+cloudformation:ExecuteChangeSet",
                List.of("cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"));
        m.put("iam:PassRole+glue:CreateDevEndpoint", List.of("iam:PassRole", "glue:CreateDevEndpoint"));
        m.put("iam:PassRole+glue:CreateJob+glue:StartJobRun",
                List.of("iam:PassRole", "glue:CreateJob", "glue:StartJobRun"));
        m.put("iam:PassRole+codebuild:CreateProject+codebuild:StartBuild",
                List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"));
        m.put("iam:PassRole+sagemaker:CreateNotebookInstance+sagemaker:CreatePresignedNotebookInstanceUrl",
                List.of("iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"));
        m.put("iam:PassRole+ecs:RegisterTaskDefinition+ecs:RunTask",
                List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The verdict the rule hands on, with the paths, the granting statements and what could not be verified. */
    public static CheckResult verdict(IamGrants.Effective e, List<String> administratorPatterns) {
        Result r = check(e, administratorPatterns);
        Message expected = Message.of("IAM-08.expected", administratorPatterns);
        List<Message> problems = new ArrayList<>();
        if (r.everything()) {
            problems.add(Message.of("IAM-08.holds-everything", Message.list(r.grantingStatements())));
        } else if (!r.administrator() && !r.paths().isEmpty()) {
            problems.add(Message.of("IAM-08.paths", r.paths(), Message.list(r.grantingStatements())));
        }
        r.missing().forEach(m -> problems.add(Message.of("IAM.cannot-verify", m)));
        if (!r.compliant()) {
            return CheckResult.of(false, problems, expected);
        }
        List<Message> notes = new ArrayList<>();
        if (r.administrator()) {
            notes.add(Message.of("IAM-08.administrator"));
        } else {
            notes.add(Message.of("IAM-08.none"));
        }
        if (!r.conditional().isEmpty()) {
            notes.add(Message.of("IAM-08.conditional", Message.list(r.conditional())));
        }
        return CheckResult.of(true, notes, expected);
    }

    /**
     * An unconditional Allow of {@code *} (or {@code *:*}) on {@code Resource "*"}: the principal
     * already holds every action. A NotAction grant is not "everything": the excluded actions
     * can be regained by attaching a policy, which is the escalation this check looks for.
     */
    static boolean holdsEverything(List<PolicyStatement> statements) {
        return statements.stream().anyMatch(s -> IamGrants.isAllow(s) && !s.isConditional()
                && s.getActions() != null && s.getActions().stream().map(String::trim).anyMatch(a -> a.equals("*") || a.equals("*:*"))
                && s.getResources() != null && s.getResources().stream().anyMatch(r -> "*".equals(r.trim())));
    }

    /** The outcome for one principal. */
    public record Result(boolean administrator, boolean everything, List<String> paths, List<Message> grantingStatements,
                         List<Message> conditional, List<Message> missing) {
        public boolean compliant() {
            return administrator || (!everything && paths.isEmpty() && missing.isEmpty());
        }
    }

    public static Result check(IamGrants.Effective e, List<String> administratorPatterns) {
        String arn = e.principal().getArn();
        List<PolicyStatement> raw = e.raw();
        if (Globs.matchesAny(administratorPatterns, arn)) {
            return new Result(true, false, List.of(), List.of(), List.of(), e.missing());
        }
        if (holdsEverything(raw)) {
            // Every path is open to a principal that holds * on *; outside the administrators
            // that is the escalation itself, whichever kind of policy grants it (IAM-02 judges
            // customer policies only, so an AWS managed AdministratorAccess is caught here).
            List<Message> everything = e.statements().stream()
                    .filter(a -> holdsEverything(List.of(a.statement()))).map(IamGrants.Attributed::describe).toList();
            return new Result(false, true, List.of(), everything, List.of(), e.missing());
        }
        List<String> open = new ArrayList<>();
        java.util.LinkedHashSet<String> actions = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, List<String>> p : PATHS.entrySet()) {
            if (p.getValue().stream().allMatch(a -> holds(raw, a))) {
                open.add(p.getKey());
                actions.addAll(p.getValue());
            }
        }
        List<Message> granting = new ArrayList<>();
        List<Message> conditional = new ArrayList<>();
        for (IamGrants.Attributed a : e.statements()) {
            PolicyStatement s = a.statement();
            if (!IamGrants.isAllow(s)) {
                continue;
            }
            boolean coversOpen = actions.stream().anyMatch(x -> IamGrants.coversAction(s, x));
            boolean coversAny = PATHS.values().stream().flatMap(List::stream).anyMatch(x -> IamGrants.coversAction(s, x));
            if (!s.isConditional() && coversOpen) {
                granting.add(a.describe());
            } else if (s.isConditional() && coversAny) {
                conditional.add(a.describe());
            }
        }
        return new Result(false, false, List.copyOf(open), List.copyOf(granting), List.copyOf(conditional), e.missing());
    }

    /** An unconditional Allow covers the action on some resource, and no unconditional Deny covers it on every resource. */
    static boolean holds(List<PolicyStatement> statements, String action) {
        boolean allowed = statements.stream().anyMatch(s -> IamGrants.isAllow(s) && !s.isConditional()
                && IamGrants.coversAction(s, action) && hasResources(s));
        boolean denied = statements.stream().anyMatch(s -> IamGrants.isDeny(s) && !s.isConditional()
                && IamGrants.coversAction(s, action) && s.getResources() != null
                && s.getResources().stream().anyMatch(r -> "*".equals(r.trim())));
        return allowed && !denied;
    }

    private static boolean hasResources(PolicyStatement s) {
        return (s.getResources() != null && !s.getResources().isEmpty())
                || (s.getNotResources() != null && !s.getNotResources().isEmpty());
    }
}
