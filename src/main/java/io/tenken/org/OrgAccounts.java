package io.tenken.org;

import io.tenken.collect.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * The organisation's active accounts (Organizations {@code ListAccounts}, every page), read with
 * the caller's credentials: the management account or a delegated administrator.
 */
public final class OrgAccounts {
    private OrgAccounts() {
    }

    public static List<Account> list(AwsClients clients) {
        List<Account> out = new ArrayList<>();
        clients.organizations().listAccountsPaginator(r -> r.maxResults(20)).stream().flatMap(p -> p.accounts().stream()).forEach(a -> {
            if (a.status() == null || a.status() == AccountStatus.ACTIVE) {
                out.add(new Account(a.id(), a.name()));
            }
        });
        return out;
    }
}
