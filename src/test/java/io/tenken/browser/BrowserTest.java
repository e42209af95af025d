package io.tenken.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.EnglishWords;
import io.tenken.Json;
import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (Debian's chromium, headless): no console error, nothing
 * overflows at 390 and 1400 px, filters and sorts change the rows, the URL fragment restores a
 * view, hostile names stay text, and printing gives A4 pages holding every finding. Skips, saying
 * why, only when chromium is not installed (CI installs it: .ci/setup-browser.sh).
 */
class BrowserTest {
    static final String HOSTILE_IMG = "x<img src=x onerror=window.__pwned=1>";
    static final String HOSTILE_SCRIPT = "y</script><script>window.__pwned=2</script>";
    /** Kept after the run (screenshots, PDF, pages as driven) for a person to look at. */
    static Path dir;
    static Chromium chromium;
    static Path hostileReport;
    static Path demoReport;

    @BeforeAll
    static void reports() throws Exception {
        dir = Files.createDirectories(Path.of("target/browser-test"));
        chromium = Chromium.find(dir);
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium, or bash .ci/setup-browser.sh): browser tests skipped");
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets(HOSTILE_IMG, HOSTILE_SCRIPT, "alpha-bucket",
                "beta-bucket", "zeta-bucket"), dir.resolve("hostile.json"));
        CliRun a = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("hostile").toString(), "--format", "html");
        assertTrue(a.exitCode() <= 3, a.err());
        hostileReport = dir.resolve("hostile/report.html");
        // The demo against last month's report (the hardened sample), so the verdict shows the change and both scores.
        CliRun last = CliRun.of("evaluate", "src/main/resources/demo/genu-hardened.snapshot.json", "--out",
                dir.resolve("baseline").toString(), "--format", "json", "--lang", "ja");
        assertTrue(last.exitCode() <= 3, last.err());
        CliRun b = CliRun.of("evaluate", "src/main/resources/demo/genu-default.snapshot.json", "--out",
                dir.resolve("demo").toString(), "--format", "html,json", "--lang", "ja",
                "--baseline", dir.resolve("baseline/report.json").toString());
        assertTrue(b.exitCode() <= 3, b.err());
        demoReport = dir.resolve("demo/report.html");
    }

    /** The report with the harness: an error collector first in head, the driver last in body. */
    static Path harness(Path report, String name) throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        String collector = "<script>window.__tenkenErrors=[];window.addEventListener('error',function(e){"
                + "window.__tenkenErrors.push(String(e.message))});var __ce=console.error;console.error=function(){"
                + "window.__tenkenErrors.push(Array.prototype.join.call(arguments,' '));__ce.apply(console,arguments)};</script>";
        String driver = "<script>" + new String(BrowserTest.class.getResourceAsStream("/browser-harness.js").readAllBytes(),
                StandardCharsets.UTF_8) + "</script>";
        html = html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(collector));
        int end = html.lastIndexOf("</body>");
        Path out = dir.resolve(name + ".html");
        Files.writeString(out, html.substring(0, end) + driver + html.substring(end), StandardCharsets.UTF_8);
        return out;
    }

    static JsonNode drive(Path report, String name, int width) throws Exception {
        String dom = chromium.dumpDom(harness(report, name), width, 900, 5000);
        Matcher m = Pattern.compile("<pre id=\"tenken-test\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the harness finished: " + dom.substring(Math.max(0, dom.length() - 500)));
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return Json.MAPPER.readTree(json);
    }

    @Test
    void filtersSortsFragmentAndHostileNamesAtPhoneAndDesktopWidths() throws Exception {
        for (int width : List.of(390, 1400)) {
            JsonNode r = drive(hostileReport, "hostile-" + width, width);
            String at = " at " + width + " px: " + r;
            assertEquals(0, r.path("errors").size(), "console errors" + at);
            assertTrue(r.path("overflow").asInt() <= 0, "horizontal overflow" + at);
            assertEquals("[\"FAIL\"]", r.path("initialStatuses").toString(), "starts on FAIL" + at);
            assertTrue(r.path("initialSeveritySorted").asBoolean(), "most severe first" + at);
            String filtered = r.path("filterStatus").asText();
            assertEquals("[\"" + filtered + "\"]", r.path("passStatuses").toString(), "status filter" + at);
            assertEquals(Math.min(100, r.path("counts").path(filtered).asInt()), r.path("passRows").asInt(), at);
            assertEquals("[\"HIGH\"]", r.path("highSeverities").toString(), "severity filter" + at);
            assertTrue(r.path("sortAscending").asBoolean() && r.path("sortDescending").asBoolean(), "resource sort" + at);
            assertEquals("#sort=-resource", r.path("hashAfterSort").asText(), "the view is in the fragment" + at);
            assertTrue(r.path("observedSorts").asBoolean(), "observed column sorts both ways" + at);
            assertTrue(r.path("expectedSorts").asBoolean(), "expected column sorts both ways" + at);
            assertEquals("[\"" + filtered + "\"]", r.path("restoredStatuses").toString(), "fragment restores the filter" + at);
            assertTrue(r.path("restoredSorted").asBoolean(), "fragment restores the sort" + at);
            assertTrue(r.path("pwned").isNull(), "hostile names ran script" + at);
            List<String> hostile = new ArrayList<>();
            r.path("hostileRows").forEach(n -> hostile.add(n.asText()));
            assertTrue(hostile.stream().anyMatch(s -> s.endsWith(HOSTILE_IMG)), "hostile name shown as text" + at);
            assertEquals(r.path("total").asInt(), r.path("printRows").asInt(), "print table holds every finding" + at);
        }
    }

    @Test
    void demoScreensAndPrintedA4HoldEveryFinding() throws Exception {
        JsonNode phone = drive(demoReport, "demo-390", 390);
        assertEquals(0, phone.path("errors").size(), phone.toString());
        // The verdict shows the score now beside the score at the baseline, as report.json computes them.
        JsonNode diff = Json.MAPPER.readTree(dir.resolve("demo/report.json").toFile()).path("diff");
        int now = diff.path("score").path("percent").asInt();
        int then = diff.path("baselineScore").path("percent").asInt();
        assertTrue(then > now, "the hardened baseline scored better: " + diff.path("baselineScore"));
        assertEquals(then + "%", phone.path("baselineScore").asText(), phone.toString());
        String trend = phone.path("scoreTrend").asText();
        assertTrue(trend.contains(now + "%") && trend.contains(then + "%") && trend.contains((then - now) + " ポイント悪化"),
                trend);
        System.out.println("browser: demo score " + now + "% now, " + then + "% at the baseline: " + trend);
        assertTrue(phone.path("overflow").asInt() <= 0, "demo overflows at 390 px: " + phone);
        JsonNode desk = drive(demoReport, "demo-1400", 1400);
        assertTrue(desk.path("overflow").asInt() <= 0, "demo overflows at 1400 px: " + desk);
        for (int width : List.of(390, 1400)) {
            Path png = dir.resolve("demo-" + width + ".png");
            chromium.screenshot(demoReport, png, width, 900);
            byte[] head = Files.readAllBytes(png);
            int w = ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16) | ((head[18] & 0xff) << 8) | (head[19] & 0xff);
            int h = ((head[20] & 0xff) << 24) | ((head[21] & 0xff) << 16) | ((head[22] & 0xff) << 8) | (head[23] & 0xff);
            assertEquals(width, w);
            System.out.println("browser: screenshot demo (ja) " + w + "x" + h + ", " + head.length + " bytes");
        }
        Path pdf = dir.resolve("demo.pdf");
        chromium.printToPdf(demoReport, pdf);
        String info = Chromium.tool(dir, "pdfinfo", pdf.toString());
        assertTrue(info.matches("(?s).*Page size:\\s+59[45](\\.\\d+)? x 84[12](\\.\\d+)? pts.*"), "A4: " + info);
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
        assertTrue(pages.find());
        System.out.println("browser: demo report (ja) prints on " + pages.group(1) + " A4 pages");
        String printed = Chromium.tool(dir, "pdftotext", "-raw", pdf.toString(), "-");
        // The acceptance check on the page as chromium shows it, after its script ran (the PDF's text is
        // the same page; its narrow print columns break identifiers mid-word, so it is not scanned).
        java.util.Map<String, List<String>> english = new java.util.TreeMap<>();
        EnglishWords.check("report.html as rendered", EnglishWords.htmlText(chromium.dumpDom(demoReport, 1400, 900, 3000)),
                EnglishWords.snapshotValues(), english);
        assertEquals(java.util.Map.of(), english, "English words in the Japanese page as chromium renders it");
        String text = printed.replaceAll("\\s+", "");
        // The running header on every page: account, collection time, score, page n / m.
        String header = "Tenken123456789012" + "2026-11-01T09:00:00Z" + "準拠スコア" + now + "%";
        Matcher onPages = Pattern.compile(Pattern.quote(header) + "\\d+/(\\d+)").matcher(text);
        int headers = 0;
        while (onPages.find()) {
            headers++;
            assertEquals(pages.group(1), onPages.group(1), "page n / m");
        }
        assertEquals(Integer.parseInt(pages.group(1)), headers, "the running header on every page: " + header);
        JsonNode report = Json.MAPPER.readTree(dir.resolve("demo/report.json").toFile());
        List<String> missing = new ArrayList<>();
        int pass = 0;
        for (JsonNode f : report.path("findings")) {
            String evidence = (f.path("resourceId").asText() + f.path("observed").asText()).replaceAll("\\s+", "");
            if (!text.contains(f.path("resourceId").asText().replaceAll("\\s+", ""))
                    || !text.contains(f.path("observed").asText().replaceAll("\\s+", ""))) {
                missing.add(f.path("ruleId").asText() + " " + evidence);
            }
            pass += "PASS".equals(f.path("status").asText()) ? 1 : 0;
        }
        assertTrue(pass > 0, "the demo has PASS findings to print");
        assertEquals(List.of(), missing, "findings missing from the printed PDF");
        assertFalse(text.contains("前へ"), "no controls in print");
    }
}
