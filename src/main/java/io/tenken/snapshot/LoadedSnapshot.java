package io.tenken.snapshot;

/** A snapshot together with the sha256 of the exact bytes it was read from (report evidence). */
public record LoadedSnapshot(Snapshot snapshot, String sha256) {
}
