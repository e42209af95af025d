package io.tenken.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;
import io.tenken.TestSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed snapshot read is as strict as a whole-document read, and hashes every byte. */
class SnapshotReaderTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("s.json"), json, StandardCharsets.UTF_8);
    }

    private String error(String json) throws Exception {
        Path f = file(json);
        return assertThrows(InvalidInputException.class, () -> SnapshotReader.read(f)).getMessage();
    }

    @Test
    void roundTripsAndHashesTheExactBytes() throws Exception {
        Snapshot s = TestSnapshots.withBuckets("a", "b<script>");
        Path f = TestSnapshots.write(s, dir.resolve("w.json"));
        Files.writeString(f, Files.readString(f) + "\n\n"); // trailing whitespace is part of the evidence
        LoadedSnapshot loaded = SnapshotReader.read(f);
        assertEquals(s, loaded.snapshot());
        assertEquals(Sha256.hex(Files.readAllBytes(f)), loaded.sha256());
    }

    @Test
    void refusesDuplicateKeysAnywhere() throws Exception {
        String m = error("{\"schemaVersion\": 1, \"accountId\": \"1\", \"services\": {},\n"
                + " \"facts\": {\"buckets\": [{\"name\": \"a\", \"name\": \"b\"}]}}");
        assertTrue(m.contains("s.json:2:") && m.contains("Duplicate field 'name'"), m);
        assertTrue(error("{\"schemaVersion\": 1, \"schemaVersion\": 1}").contains("Duplicate field 'schemaVersion'"));
    }

    @Test
    void refusesUnknownFieldsNamingTheKey() throws Exception {
        String m = error("{\"schemaVersion\": 1, \"accountId\": \"1\", \"services\": {}, \"facts\": {\"bukets\": []}}");
        assertTrue(m.contains("unknown key 'bukets'"), m);
    }

    @Test
    void checksTheVersionBeforeBinding() throws Exception {
        assertTrue(error("{\"accountId\": \"1\", \"futureField\": 1, \"schemaVersion\": 99}")
                .contains("newer than this Tenken understands"));
        assertTrue(error("{\"schemaVersion\": \"1\"}").contains("non-integer 'schemaVersion'"));
        assertTrue(error("[1]").contains("must be a JSON object"));
        assertTrue(error("{\"schemaVersion\": 1, \"accountId\": \"1\", \"services\": {}} {}").contains("trailing"));
        assertTrue(error("{\"schemaVersion\": 1, \"accountId\": \"1\"").contains("s.json:"));
        assertTrue(error("{\"schemaVersion\": 1, \"services\": {}}").contains("accountId: missing"));
    }

    @Test
    void namesAMissingFile() {
        String m = assertThrows(InvalidInputException.class, () -> SnapshotReader.read(dir.resolve("none.json")))
                .getMessage();
        assertTrue(m.endsWith("none.json: snapshot file not found"), m);
    }
}
