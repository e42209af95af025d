package io.tenken.policy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** CIDR parsing and comparison through the IPAddress library (no hand-written bit work). */
public final class Cidrs {
    private Cidrs() {
    }

    /** Parses a CIDR; null when it is not one. A bare address counts as a /32 or /128. */
    public static IPAddress parse(String cidr) {
        if (cidr == null) {
            return null;
        }
        IPAddress a = new IPAddressString(cidr.trim()).getAddress();
        return a == null ? null : a.toPrefixBlock();
    }

    public static boolean isIpv4(String cidr) {
        IPAddress a = parse(cidr);
        return a != null && a.isIPv4();
    }

    public static boolean isIpv6(String cidr) {
        IPAddress a = parse(cidr);
        return a != null && a.isIPv6();
    }

    /** The prefix length, full length for a single address; -1 when not a CIDR. */
    public static int prefixLength(String cidr) {
        IPAddress a = new IPAddressString(cidr == null ? "" : cidr.trim()).getAddress();
        if (a == null) {
            return -1;
        }
        Integer p = a.getNetworkPrefixLength();
        return p == null ? a.getBitCount() : p;
    }

    /** True for 0.0.0.0/0 and ::/0, written any way. */
    public static boolean isEverything(String cidr) {
        return prefixLength(cidr) == 0;
    }

    /** True when {@code outer} contains all of {@code inner}. */
    public static boolean contains(String outer, String inner) {
        IPAddress o = parse(outer);
        IPAddress i = parse(inner);
        return o != null && i != null && o.getIPVersion() == i.getIPVersion() && o.contains(i);
    }
}
