package io.tenken.engine;

/**
 * One rule file: its name inside the pack, where it came from (shown in error messages) and
 * its text.
 */
public record DrlSource(String name, String origin, String text) {
}
