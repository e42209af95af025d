package io.tenken.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads a snapshot file strictly: any defect is an {@link InvalidInputException} naming the place.
 * The file is read as a stream, twice: a first pass checks the version and computes the sha256
 * without building anything, the second binds the facts. A snapshot of a million facts is never
 * held as bytes or as a JSON tree. Duplicate keys and unknown fields are refused.
 */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    /** Opens the input again for each pass. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    public static LoadedSnapshot read(Path file) {
        Source source = () -> new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            String sha256 = checkVersion(file, source);
            return new LoadedSnapshot(bind(file, source), sha256);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("error.notFound", file, io.tenken.findings.Message.of("error.file.snapshot"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.cannotRead", file, io.tenken.findings.Message.of("error.file.snapshot"), e.getMessage());
        }
    }

    public static Snapshot parse(Path file, byte[] bytes) {
        Source source = () -> new ByteArrayInputStream(bytes);
        try {
            checkVersion(file, source);
            return bind(file, source);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
    }

    /**
     * Checks the version before binding (a newer document may not bind at all, and "unknown
     * field" would hide the real reason) while hashing every byte; returns the sha256.
     */
    private static String checkVersion(Path file, Source source) throws IOException {
        MessageDigest sha = sha256();
        Integer version = null;
        java.util.Map<String, JsonToken> top = new java.util.HashMap<>();
        try (InputStream in = new DigestInputStream(source.open(), sha); JsonParser p = strict(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidInputException.of("error.snapshotNotObject", file);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                top.put(name, value);
                if (name.equals("schemaVersion")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        throw InvalidInputException.of("error.schemaVersionMissing", file);
                    }
                    version = p.getIntValue();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw InvalidInputException.of("error.trailing", file);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // trailing whitespace is hashed too
        }
        SnapshotShape.checkNotAReport(file, top);
        LAST_TOP.set(top);
        if (version == null) {
            throw InvalidInputException.of("error.schemaVersionMissing", file);
        }
        if (version > Snapshot.CURRENT_SCHEMA_VERSION) {
            throw InvalidInputException.of("error.schemaVersionNewer", file, version, Snapshot.CURRENT_SCHEMA_VERSION);
        }
        if (version < 1) {
            throw InvalidInputException.of("error.schemaVersionInvalid", file, version);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static Snapshot bind(Path file, Source source) throws IOException {
        Snapshot s;
        try (InputStream in = source.open(); JsonParser p = strict(in)) {
            s = Json.MAPPER.readValue(p, Snapshot.class);
        }
        java.util.Map<String, JsonToken> top = LAST_TOP.get();
        LAST_TOP.remove();
        if (top != null) {
            SnapshotShape.checkTop(file, top);
        }
        if (s.getAccountId() == null || s.getAccountId().isBlank()) {
            throw InvalidInputException.of("error.accountIdMissing", file);
        }
        if (s.getServices() == null) {
            throw InvalidInputException.of("error.servicesMissing", file);
        }
        SnapshotShape.check(file, s);
        return s;
    }

    /** The top-level keys the first pass saw, for the shape check after binding (same thread). */
    private static final ThreadLocal<java.util.Map<String, JsonToken>> LAST_TOP = new ThreadLocal<>();

    private static JsonParser strict(InputStream in) throws IOException {
        JsonParser p = Json.MAPPER.getFactory().createParser(in);
        p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // The stream is closed by its owner: the first pass reads it to the end for the hash.
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
