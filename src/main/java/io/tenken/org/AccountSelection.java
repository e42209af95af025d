package io.tenken.org;

import io.tenken.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which accounts a run scans: the organisation's (or the given) accounts, minus the excluded
 * ones, sorted by id, then the {@code I/N} shard of that list (every N-th account from the I-th,
 * 1-based): the same list always gives the same slices, and the N shards together cover every
 * account exactly once.
 */
public final class AccountSelection {
    private AccountSelection() {
    }

    /** {@code I/N} with 1 ≤ I ≤ N. */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(1, 1);

        public static Shard parse(String s) {
            String[] p = s == null ? new String[0] : s.split("/", -1);
            try {
                if (p.length == 2) {
                    int i = Integer.parseInt(p[0].trim());
                    int n = Integer.parseInt(p[1].trim());
                    if (n >= 1 && i >= 1 && i <= n) {
                        return new Shard(i, n);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw InvalidInputException.of("error.shard", s);
        }
    }

    public static List<Account> select(List<Account> accounts, Set<String> excluded, Shard shard) {
        TreeMap<String, Account> byId = new TreeMap<>();
        for (Account a : accounts) {
            if (!excluded.contains(a.id())) {
                byId.putIfAbsent(a.id(), a);
            }
        }
        List<Account> sorted = new ArrayList<>(byId.values());
        List<Account> out = new ArrayList<>();
        for (int i = shard.index() - 1; i < sorted.size(); i += shard.count()) {
            out.add(sorted.get(i));
        }
        return out;
    }

    /** Account ids from {@code ID,ID,...} (12 digits each). */
    public static Set<String> ids(String option, List<String> values) {
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            for (String id : v.split(",")) {
                String t = id.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.matches("\\d{12}")) {
                    throw InvalidInputException.of("error.accountId", option, t);
                }
                out.add(t);
            }
        }
        return out;
    }
}
