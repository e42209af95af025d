package io.tenken.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import io.tenken.findings.Report;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.report.JsonReportRenderer;
import io.tenken.report.Labels;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.SnapshotReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenken verify REPORT.json SNAPSHOT.json}: recomputes the report from the evidence and
 * compares. Exit 0 when the findings match (byte-identical, or the same findings with other
 * differences listed, e.g. a newer tool version), 1 when they do not or the report was not made
 * from this snapshot, 2 on bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
    private static final int MAX_DIFFERENCES = 20;

    @Parameters(index = "0", paramLabel = "REPORT", descriptionKey = "REPORT")
    Path reportFile;

    @Parameters(index = "1", paramLabel = "SNAPSHOT", descriptionKey = "SNAPSHOT")
    Path snapshotFile;

    @Option(names = "--rules", paramLabel = "DIR")
    Path rulesDir;

    @Option(names = "--policy", paramLabel = "FILE")
    Path policyFile;

    @Option(names = "--waivers", paramLabel = "FILE")
    Path waivers;

    @Option(names = "--baseline", paramLabel = "REPORT.json")
    Path baseline;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    String asOf;

    @Override
    public Integer call() throws Exception {
        byte[] claimed = readReport(reportFile);
        JsonNode claimedTree = parse(reportFile, claimed);
        JsonNode meta = claimedTree.path("metadata");
        String lang = meta.path("lang").asText("en");
        String date = asOf != null ? asOf : meta.path("asOf").isTextual() ? meta.path("asOf").asText() : null;
        AnalysisConfig config = AnalysisConfig.builder().lang(lang).formats(List.of("json")).rulesDir(rulesDir)
                .policyFile(policyFile).waiversFile(waivers).baselineFile(baseline)
                .asOf(date == null ? null
                        : AuditOptions.parseDate(asOf != null ? "--as-of" : reportFile + ": metadata.asOf", date))
                .build();
        LoadedSnapshot snapshot = SnapshotReader.read(snapshotFile);
        Report report = Analysis.prepare(config).report(snapshot);
        byte[] recomputed = new JsonReportRenderer().render(report);
        // The verdict in the report's own language (its metadata.lang), as the report was read.
        Map<String, String> t = Labels.forLanguage("ja".equals(lang) ? "ja" : "en");

        if (Arrays.equals(claimed, recomputed)) {
            System.out.println(Labels.format(t, "verify.match", reportFile, snapshotFile));
            return ExitCodes.OK;
        }
        JsonNode fresh = Json.MAPPER.readTree(recomputed);
        List<String> problems = new ArrayList<>();
        String claimedSnapshot = meta.path("snapshotSha256").asText("");
        if (!claimedSnapshot.equals(snapshot.sha256())) {
            problems.add(Labels.format(t, "verify.otherSnapshot", claimedSnapshot, snapshotFile, snapshot.sha256()));
        }
        List<String> findingDiffs = new ArrayList<>();
        compareFindings(claimedTree.path("findings"), fresh.path("findings"), findingDiffs, t);
        problems.addAll(findingDiffs);
        List<String> other = new ArrayList<>();
        for (String section : List.of("schemaVersion", "metadata", "summary", "coverage", "rules", "waivers", "diff")) {
            diff(section, claimedTree.path(section), fresh.path(section), other, t);
        }
        if (problems.isEmpty()) {
            System.out.println(Labels.format(t, "verify.matchFindings", reportFile, snapshotFile));
            other.stream().limit(MAX_DIFFERENCES).forEach(d -> System.out.println("  " + d));
            return ExitCodes.OK;
        }
        System.out.println(Labels.format(t, "verify.mismatch", reportFile, snapshotFile));
        List<String> all = new ArrayList<>(problems);
        all.addAll(other);
        all.stream().limit(MAX_DIFFERENCES).forEach(d -> System.out.println("  " + d));
        if (all.size() > MAX_DIFFERENCES) {
            System.out.println("  " + Labels.format(t, "verify.more", all.size() - MAX_DIFFERENCES));
        }
        return ExitCodes.FAILURES;
    }

    private static byte[] readReport(Path file) {
        return io.tenken.InputFiles.read(file, "error.file.report");
    }

    private static JsonNode parse(Path file, byte[] bytes) {
        try {
            JsonNode n = Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject() || !n.path("findings").isArray() || !n.path("metadata").isObject()) {
                throw InvalidInputException.of("error.notReport", file);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
    }

    /**
     * Findings keyed by rule id + resource id, so one changed status reads as one line. Evidence is
     * compared as message keys and arguments (schemaVersion 3), not as rendered text: the findings
     * do not depend on the language or the wording of the texts.
     */
    private static void compareFindings(JsonNode claimed, JsonNode fresh, List<String> out, Map<String, String> t) {
        Map<String, JsonNode> a = byKey(claimed);
        Map<String, JsonNode> b = byKey(fresh);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String label = Labels.format(t, "verify.finding", k.replace("\u0000", " "));
            JsonNode x = a.get(k);
            JsonNode y = b.get(k);
            if (x == null) {
                out.add(Labels.format(t, "verify.missing", label, y.path("status").asText()));
            } else if (y == null) {
                out.add(Labels.format(t, "verify.extra", label, x.path("status").asText()));
            } else if (!x.equals(y)) {
                diff(label, x, y, out, t);
            }
        }
        if (out.isEmpty() && !new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
            out.add(t.get("verify.order"));
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode findings) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode f : findings) {
            JsonNode languageFree = f;
            if (f.isObject() && f.has("observedMessage")) {
                com.fasterxml.jackson.databind.node.ObjectNode copy = f.deepCopy();
                copy.remove(List.of("title", "observed", "expected"));
                languageFree = copy;
            }
            m.put(f.path("ruleId").asText() + "\u0000" + f.path("resourceId").asText(), languageFree);
        }
        return m;
    }

    private static void diff(String path, JsonNode x, JsonNode y, List<String> out, Map<String, String> t) {
        if (x.equals(y)) {
            return;
        }
        if (x.isObject() && y.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            x.fieldNames().forEachRemaining(names::add);
            y.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "." + n, x.path(n), y.path(n), out, t);
            }
        } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
            Iterator<JsonNode> i = x.elements();
            Iterator<JsonNode> j = y.elements();
            int idx = 0;
            while (i.hasNext()) {
                diff(path + "[" + idx++ + "]", i.next(), j.next(), out, t);
            }
        } else {
            out.add(Labels.format(t, "verify.differs", path, shorten(x, t), shorten(y, t)));
        }
    }

    private static String shorten(JsonNode n, Map<String, String> t) {
        String s = n.isMissingNode() ? t.get("verify.absent") : n.toString();
        return SummaryPrinter.oneLine(s.length() > 120 ? s.substring(0, 117) + "..." : s);
    }

}
