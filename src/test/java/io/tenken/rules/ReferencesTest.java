package io.tenken.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.engine.RuleMetadata;
import io.tenken.engine.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @references} entry names a control that exists: FSBP ids against the FSBP control
 * list, CIS ids against CIS AWS Foundations v3.0.0, Prowler ids against every Prowler 5.46.0 AWS
 * check, cdk-nag ids against the AwsSolutions pack of cdk-nag 3.0.2 (test data in
 * src/test/resources/references/, each file's header says how it was made).
 * An entry is "SOURCE ID" for a control that decides the same thing (with the rule's other
 * references: the rule passes when all of them pass), or "related SOURCE ID" for one that
 * decides something different; the rule's rationale then says "Related:" and how it differs.
 */
class ReferencesTest {
    private static final Pattern ENTRY = Pattern.compile("(related )?(FSBP|CIS|Prowler|cdk-nag) (\\S+)");
    private static final Pattern IN_TEXT = Pattern.compile("\\b(FSBP|Prowler) ([A-Za-z0-9_]+(?:\\.[0-9]+)?)");
    private static final Pattern CDK_NAG_IN_TEXT = Pattern.compile("\\bAwsSolutions-[A-Za-z0-9]+");
    /** The checklist's "from" column names cdk-nag rules by their suffix: "cdk-nag CFR7". */
    private static final Pattern CDK_NAG_IN_CHECKLIST = Pattern.compile("\\bcdk-nag ([A-Z][A-Za-z0-9]*)");

    static Set<String> list(String name) throws IOException {
        try (InputStream in = ReferencesTest.class.getResourceAsStream("/references/" + name)) {
            Set<String> out = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
            return out;
        }
    }

    @Test
    void everyReferenceNamesAControlThatExists() throws IOException {
        Set<String> fsbp = list("fsbp-controls.txt");
        Set<String> cis = list("cis-3.0.0-controls.txt");
        Set<String> prowler = list("prowler-5.46.0-aws-checks.txt");
        Set<String> cdkNag = list("cdk-nag-3.0.2-aws-solutions-rules.txt");
        assertTrue(fsbp.contains("S3.12") && prowler.contains("s3_bucket_acl_prohibited") && cis.contains("3.4")
                && cdkNag.contains("AwsSolutions-CFR7"));
        RulePack pack = RulePack.bundled();
        List<String> problems = new ArrayList<>();
        for (RuleMetadata r : pack.rules()) {
            for (String ref : r.references()) {
                Matcher m = ENTRY.matcher(ref);
                if (!m.matches()) {
                    problems.add(r.id() + ": '" + ref + "' is not '[related ]FSBP|CIS|Prowler|cdk-nag ID'");
                    continue;
                }
                Set<String> known = switch (m.group(2)) {
                    case "FSBP" -> fsbp;
                    case "CIS" -> cis;
                    case "cdk-nag" -> cdkNag;
                    default -> prowler;
                };
                if (!known.contains(m.group(3))) {
                    problems.add(r.id() + ": " + m.group(2) + " " + m.group(3) + " does not exist");
                }
                if (m.group(1) != null) {
                    for (String lang : RulePack.LANGUAGES) {
                        String rationale = pack.catalog(lang).stream().filter(i -> i.id().equals(r.id())).findFirst()
                                .orElseThrow().rationale();
                        if (!rationale.contains("en".equals(lang) ? "Related:" : "関連:")) {
                            problems.add(r.id() + ": cites a related control but its " + lang
                                    + " rationale does not say how it differs");
                        }
                    }
                }
            }
            // Controls named in the texts must exist too (as FSBP or Prowler ids).
            for (String lang : RulePack.LANGUAGES) {
                var info = pack.catalog(lang).stream().filter(i -> i.id().equals(r.id())).findFirst().orElseThrow();
                Matcher t = IN_TEXT.matcher(info.rationale() + " " + info.remediation());
                while (t.find()) {
                    Set<String> known = t.group(1).equals("FSBP") ? fsbp : prowler;
                    if (t.group(2).contains("_") || t.group(2).contains(".")) {
                        if (!known.contains(t.group(2))) {
                            problems.add(r.id() + " (" + lang + " text): " + t.group(1) + " " + t.group(2) + " does not exist");
                        }
                    }
                }
                Matcher nag = CDK_NAG_IN_TEXT.matcher(info.rationale() + " " + info.remediation());
                while (nag.find()) {
                    if (!cdkNag.contains(nag.group())) {
                        problems.add(r.id() + " (" + lang + " text): cdk-nag " + nag.group() + " does not exist");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The checklist cites cdk-nag rules as sources of its concepts: each must be an AwsSolutions rule. */
    @Test
    void everyCdkNagRuleTheChecklistCitesExists() throws IOException {
        Set<String> cdkNag = list("cdk-nag-3.0.2-aws-solutions-rules.txt");
        String checklist = java.nio.file.Files.readString(java.nio.file.Path.of("rules/CHECKLIST.md"));
        Matcher m = CDK_NAG_IN_CHECKLIST.matcher(checklist);
        List<String> cited = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            cited.add(m.group(1));
            if (!cdkNag.contains("AwsSolutions-" + m.group(1))) {
                missing.add("AwsSolutions-" + m.group(1));
            }
        }
        assertTrue(cited.contains("CFR7") && cited.contains("APIG4"), () -> "checklist cdk-nag citations: " + cited);
        assertEquals(List.of(), missing);
    }

    /** The list is what the test says it is: a wrong id in a reference is caught. */
    @Test
    void aCdkNagIdOutsideThePackIsNotInTheList() throws IOException {
        Set<String> cdkNag = list("cdk-nag-3.0.2-aws-solutions-rules.txt");
        assertEquals(131, cdkNag.size());
        assertTrue(cdkNag.contains("AwsSolutions-COG2") && cdkNag.contains("AwsSolutions-APIG4"));
        // Neither is an AwsSolutions rule of 3.0.2 (COG8, the Plus feature plan, is its threat-protection rule).
        assertTrue(!cdkNag.contains("AwsSolutions-COG3") && !cdkNag.contains("AwsSolutions-CFR8"));
    }
}
