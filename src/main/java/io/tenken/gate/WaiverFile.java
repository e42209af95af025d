package io.tenken.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import io.tenken.snapshot.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * A waiver file (YAML), read strictly:
 * <pre>
 * waivers:
 *   - ruleId: S3-01
 *     resource: "arn:aws:s3:::legacy-*"     # exact ARN or glob
 *     reason: Legacy bucket, replaced in PROJ-123
 *     approvedBy: security@example.com
 *     expires: 2026-12-31                  # YYYY-MM-DD, valid through that day
 * </pre>
 * Any defect (unknown key, a missing or empty field, a bad date) is an
 * {@link InvalidInputException} naming the file and the entry ({@code waivers[i]} and its rule id).
 */
public record WaiverFile(Path file, String sha256, List<Waiver> waivers) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The file's shape, bound by Jackson with unknown keys rejected. */
    record Doc(List<Entry> waivers) {
    }

    /** A class, not a record: Jackson then reports an unknown key at its own line. */
    static final class Entry {
        public String ruleId;
        public String resource;
        public String reason;
        public String approvedBy;
        public String expires;

        String ruleId() {
            return ruleId;
        }

        String resource() {
            return resource;
        }

        String reason() {
            return reason;
        }

        String approvedBy() {
            return approvedBy;
        }

        String expires() {
            return expires;
        }
    }

    public static WaiverFile read(Path file) {
        byte[] bytes = io.tenken.InputFiles.read(file, "error.file.waivers");
        return parse(file, bytes);
    }

    public static WaiverFile parse(Path file, byte[] bytes) {
        Doc doc;
        try {
            doc = Json.YAML.readValue(bytes, Doc.class);
        } catch (JsonProcessingException e) {
            io.tenken.findings.Message msg = Json.describe(file, e);
            if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                    && "waivers".equals(jme.getPath().get(0).getFieldName()) && jme.getPath().size() > 1) {
                int index = jme.getPath().get(1).getIndex();
                msg = io.tenken.findings.Message.of("error.waiver.in", msg, entryName(index, ruleIdAt(bytes, index)));
            }
            throw new InvalidInputException(msg);
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
        if (doc == null || doc.waivers() == null) {
            throw InvalidInputException.of("error.waiver.list", file);
        }
        List<Waiver> out = new ArrayList<>();
        for (int i = 0; i < doc.waivers().size(); i++) {
            Entry e = doc.waivers().get(i);
            if (e == null) {
                throw InvalidInputException.of("error.waiver.empty", file, i);
            }
            io.tenken.findings.Message name = entryName(i, e.ruleId());
            require(file, name, "ruleId", e.ruleId());
            require(file, name, "resource", e.resource());
            require(file, name, "reason", e.reason());
            require(file, name, "approvedBy", e.approvedBy());
            require(file, name, "expires", e.expires());
            LocalDate expires;
            try {
                expires = LocalDate.parse(e.expires().strip(), DATE);
            } catch (DateTimeParseException ex) {
                throw InvalidInputException.of("error.waiver.expires", file, name, e.expires());
            }
            out.add(new Waiver(i, e.ruleId().strip(), e.resource().strip(), e.reason().strip(),
                    e.approvedBy().strip(), expires));
        }
        return new WaiverFile(file, Sha256.hex(bytes), List.copyOf(out));
    }

    private static void require(Path file, io.tenken.findings.Message name, String key, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("error.waiver.missing", file, name, key);
        }
    }

    static io.tenken.findings.Message entryName(int index, String ruleId) {
        return ruleId == null || ruleId.isBlank() ? io.tenken.findings.Message.of("error.waiver.entry", index)
                : io.tenken.findings.Message.of("error.waiver.entryRule", index, ruleId);
    }

    /** Best effort, for error messages: the rule id of entry {@code index} of a file that did not bind. */
    private static String ruleIdAt(byte[] bytes, int index) {
        try {
            JsonNode n = Json.YAML.readTree(bytes).path("waivers").path(index).path("ruleId");
            return n.isTextual() ? n.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
