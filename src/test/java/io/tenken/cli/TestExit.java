package io.tenken.cli;

/** What an accident in a rule's helper looks like: it ends the process "successfully". */
public final class TestExit {
    private TestExit() {
    }

    public static boolean now() {
        System.exit(0);
        return true;
    }
}
