package io.tenken.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import io.tenken.findings.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The organisation at a glance: one row per account, one column per checklist concept, each
 * cell the worst status of that concept's findings in that account (FAIL, then ERROR, WAIVED,
 * PASS, NOT_APPLICABLE), worst accounts first. Built from per-account results on disk
 * ({@code <dir>/<account-id>/account.json} and {@code report.json}), so a scan and a merge of
 * shards give the same report.
 *
 * @param rows     accounts, worst first: most FAIL concepts, then most ERROR concepts, then id
 * @param concepts every concept some account's rules check, sorted
 */
public record OrgReport(String lang, List<String> concepts, List<Row> rows) {
    /** Status order of a cell, worst first. */
    static final List<String> WORST_FIRST = List.of(Status.FAIL.name(), Status.ERROR.name(), Status.WAIVED.name(),
            Status.PASS.name(), Status.NOT_APPLICABLE.name());

    /**
     * @param report the account's HTML report relative to the organisation report, null without one
     * @param cells  concept → worst status; an account that could not be scanned is ERROR everywhere
     */
    public record Row(String accountId, String name, String state, String error, int exitCode, String report,
                      Map<String, String> cells, int failing, int erroring) {
    }

    /** Every account directory under each of {@code dirs}, the report written into {@code outDir}. */
    public static OrgReport read(List<Path> dirs, Path outDir, String lang) {
        List<Loaded> loaded = new ArrayList<>();
        TreeSet<String> concepts = new TreeSet<>();
        TreeMap<String, Path> seen = new TreeMap<>();
        for (Path dir : dirs) {
            List<Path> accountDirs;
            try (var s = Files.list(dir)) {
                accountDirs = s.filter(p -> Files.isRegularFile(p.resolve(AccountResult.FILE))).sorted().toList();
            } catch (IOException e) {
                throw InvalidInputException.of("error.listAccountResults", dir, e.getMessage());
            }
            for (Path a : accountDirs) {
                Loaded l = load(a);
                Path before = seen.put(l.result.accountId(), a);
                if (before != null) {
                    throw InvalidInputException.of("error.accountTwice", a, l.result.accountId(), before);
                }
                concepts.addAll(l.concepts);
                loaded.add(l);
            }
        }
        List<String> columns = List.copyOf(concepts);
        List<Row> rows = new ArrayList<>();
        for (Loaded l : loaded) {
            Map<String, String> cells = new TreeMap<>();
            for (String c : columns) {
                String v = AccountResult.ERROR.equals(l.result.state()) ? Status.ERROR.name() : l.cells.get(c);
                if (v != null) {
                    cells.put(c, v);
                }
            }
            int failing = (int) cells.values().stream().filter(Status.FAIL.name()::equals).count();
            int erroring = (int) cells.values().stream().filter(Status.ERROR.name()::equals).count();
            String report = l.hasReport ? outDir.toAbsolutePath().normalize()
                    .relativize(l.dir.resolve("report.html").toAbsolutePath().normalize()).toString()
                    .replace('\\', '/') : null;
            rows.add(new Row(l.result.accountId(), l.result.name(), l.result.state(), l.result.errorMessage() != null
                    ? io.tenken.report.Labels.texts(lang).format(l.result.errorMessage()) : l.result.error(),
                    l.result.exitCode(), report, cells, failing, erroring));
        }
        rows.sort(Comparator.comparingInt(Row::failing).reversed().thenComparing(Comparator.comparingInt(Row::erroring)
                .reversed()).thenComparing(Row::accountId));
        return new OrgReport(lang, columns, List.copyOf(rows));
    }

    /** The exit code of the whole run: 3 if any account is 3 (or could not be scanned), else 1 if any is 1. */
    public int exitCode() {
        return rows.stream().mapToInt(Row::exitCode).max().orElse(0);
    }

    private record Loaded(Path dir, AccountResult result, Map<String, String> cells, List<String> concepts,
                          boolean hasReport) {
    }

    private static Loaded load(Path dir) {
        Path accountFile = dir.resolve(AccountResult.FILE);
        AccountResult result;
        try {
            result = Json.MAPPER.readValue(io.tenken.InputFiles.read(accountFile, "error.file.accountResult"),
                    AccountResult.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(accountFile, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", accountFile, e.getMessage());
        }
        if (result.accountId() == null || !result.accountId().matches("\\d{12}")) {
            throw InvalidInputException.of("error.accountIdFile", accountFile);
        }
        Map<String, String> cells = new TreeMap<>();
        List<String> concepts = new ArrayList<>();
        Path reportFile = dir.resolve("report.json");
        boolean hasReport = AccountResult.SCANNED.equals(result.state());
        if (hasReport) {
            JsonNode report;
            try {
                report = Json.MAPPER.readTree(io.tenken.InputFiles.read(reportFile, "error.file.accountReport"));
            } catch (IOException e) {
                throw InvalidInputException.of("error.io", reportFile, e.getMessage());
            }
            if (report == null || !report.path("findings").isArray() || !report.path("rules").isArray()) {
                throw InvalidInputException.of("error.notOrgReport", reportFile);
            }
            report.path("rules").forEach(r -> r.path("concepts").forEach(c -> concepts.add(c.asText())));
            for (JsonNode f : report.path("findings")) {
                String status = f.path("status").asText();
                for (JsonNode c : f.path("concepts")) {
                    cells.merge(c.asText(), status, OrgReport::worse);
                }
            }
        }
        return new Loaded(dir, result, cells, concepts, hasReport);
    }

    static String worse(String a, String b) {
        int ia = WORST_FIRST.indexOf(a);
        int ib = WORST_FIRST.indexOf(b);
        return (ia < 0 ? Integer.MAX_VALUE : ia) <= (ib < 0 ? Integer.MAX_VALUE : ib) ? a : b;
    }
}
