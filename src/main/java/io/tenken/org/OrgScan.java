package io.tenken.org;

import io.tenken.AtomicFiles;
import io.tenken.Json;
import io.tenken.collect.ScanOptions;
import io.tenken.collect.Scanner;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans accounts concurrently (at most {@code accountConcurrency} at a time), each through the
 * one pipeline with a read-only role assumed in it, into {@code outDir/<account-id>/}. An account
 * that cannot be scanned (the role cannot be assumed, access denied, anything) is recorded as
 * ERROR in its {@code account.json} and never stops the others.
 *
 * @param base               scan options every account shares (regions, endpoint, concurrency per service)
 * @param roleName           the role assumed in each account ({@code arn:PARTITION:iam::ID:role/NAME})
 * @param externalId         the external id the role's trust policy asks for, or null
 * @param partition          the accounts' partition (aws, aws-cn, aws-us-gov)
 * @param accountConcurrency accounts scanned at the same time
 */
public record OrgScan(ScanOptions base, String roleName, String externalId, String partition,
                      int accountConcurrency) {
    private static final Logger LOG = LoggerFactory.getLogger(OrgScan.class);

    /**
     * Scans every account; {@code exitCode} turns an account's report into its exit code (the
     * gate's decision). Returns the results in account order.
     */
    public List<AccountResult> run(List<Account> accounts, Analysis analysis, Path outDir,
                                   ToIntFunction<io.tenken.findings.Report> exitCode) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(accountConcurrency,
                Math.max(1, accounts.size()))), r -> {
                    Thread t = new Thread(r, "tenken-account-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<AccountResult>> futures = new ArrayList<>();
            for (Account a : accounts) {
                futures.add(pool.submit(() -> scanOne(a, analysis, outDir.resolve(a.id()), exitCode)));
            }
            List<AccountResult> out = new ArrayList<>();
            for (Future<AccountResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("organisation scan interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public String roleArn(String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }

    private AccountResult scanOne(Account a, Analysis analysis, Path dir,
                                  ToIntFunction<io.tenken.findings.Report> exitCode) throws IOException {
        ScanOptions options = base.toBuilder().roleArn(roleArn(a.id())).externalId(externalId).build();
        AccountResult result;
        try {
            Analysis.Result r = analysis.run(Sources.written(() -> new Scanner().scan(options),
                    dir.resolve("snapshot.json")), dir);
            String scanned = r.snapshot().snapshot().getAccountId();
            if (!a.id().equals(scanned)) {
                // The role led somewhere else: the report is not about this account.
                io.tenken.findings.Message wrong = io.tenken.findings.Message.of("error.orgAccountMismatch", roleArn(a.id()), scanned);
                result = new AccountResult(a.id(), a.name(), AccountResult.ERROR,
                        io.tenken.report.Labels.texts("en").format(wrong), wrong, 3);
            } else {
                result = new AccountResult(a.id(), a.name(), AccountResult.SCANNED, null, null,
                        exitCode.applyAsInt(r.report()));
            }
        } catch (RuntimeException e) {
            LOG.warn("account {} could not be scanned: {}", a.id(), e.getMessage());
            io.tenken.findings.Message text = e instanceof Scanner.ScanException s ? s.text()
                    : e instanceof io.tenken.InvalidInputException bad ? bad.text() : null;
            result = new AccountResult(a.id(), a.name(), AccountResult.ERROR, oneLine(e), text, 3);
        }
        AtomicFiles.write(dir.resolve(AccountResult.FILE), Json.MAPPER.writeValueAsBytes(result));
        return result;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
