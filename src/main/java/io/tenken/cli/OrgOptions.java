package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.org.AccountSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code scan}'s organisation options: which accounts, which role, how many at once, which shard. */
public final class OrgOptions {
    @Option(names = "--org")
    boolean org;

    @Option(names = "--accounts", paramLabel = "ID,...", split = ",")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--exclude-accounts", paramLabel = "ID,...", split = ",")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID")
    String externalId;

    @Option(names = "--account-concurrency", paramLabel = "N")
    int accountConcurrency = 4;

    @Option(names = "--shard", paramLabel = "I/N")
    String shard;

    boolean active() {
        return org || !accounts.isEmpty();
    }

    /** Checks the options before anything is called or written. */
    void validate(String roleArn) {
        if (!active()) {
            if (!excluded.isEmpty() || roleName != null || shard != null) {
                throw InvalidInputException.of("error.orgOptions");
            }
            if (externalId != null && roleArn == null) {
                throw InvalidInputException.of("error.externalIdNeeds");
            }
            return;
        }
        if (roleName == null || !roleName.matches("[\\w+=,.@/-]{1,128}")) {
            throw InvalidInputException.of("error.roleNameRequired");
        }
        if (roleArn != null) {
            throw InvalidInputException.of("error.roleArnWithOrg");
        }
        if (accountConcurrency < 1 || accountConcurrency > 64) {
            throw InvalidInputException.of("error.between", "--account-concurrency", 1, 64);
        }
        accountIds();
        excludedIds();
        shard();
    }

    Set<String> accountIds() {
        return AccountSelection.ids("--accounts", accounts);
    }

    Set<String> excludedIds() {
        return AccountSelection.ids("--exclude-accounts", excluded);
    }

    AccountSelection.Shard shard() {
        return shard == null ? AccountSelection.Shard.ALL : AccountSelection.Shard.parse(shard);
    }
}
