package io.tenken.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a snapshot file strictly: any defect is an {@link InvalidInputException} naming the place. */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    public static LoadedSnapshot read(Path file) {
        byte[] bytes = io.tenken.InputFiles.read(file, "snapshot file");
        return new LoadedSnapshot(parse(file, bytes), Sha256.hex(bytes));
    }

    public static Snapshot parse(Path file, byte[] bytes) {
        try {
            // Check the version before binding: a newer document may not bind at all, and
            // "unknown field" would hide the real reason.
            JsonNode tree = Json.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException(file + ":1:1: a snapshot must be a JSON object");
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new InvalidInputException(file + ": missing or non-integer 'schemaVersion'");
            }
            int v = version.intValue();
            if (v > Snapshot.CURRENT_SCHEMA_VERSION) {
                throw new InvalidInputException(file + ": snapshot schemaVersion " + v
                        + " is newer than this Tenken understands (" + Snapshot.CURRENT_SCHEMA_VERSION
                        + "); upgrade Tenken");
            }
            if (v < 1) {
                throw new InvalidInputException(file + ": invalid snapshot schemaVersion " + v);
            }
            Snapshot s = Json.MAPPER.readValue(bytes, Snapshot.class);
            if (s.getAccountId() == null || s.getAccountId().isBlank()) {
                throw new InvalidInputException(file + ": missing 'accountId'");
            }
            if (s.getServices() == null) {
                throw new InvalidInputException(file + ": missing 'services' (collection status per service)");
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }
}
