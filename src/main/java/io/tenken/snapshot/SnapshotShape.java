package io.tenken.snapshot;

import com.fasterxml.jackson.core.JsonToken;
import io.tenken.InvalidInputException;
import io.tenken.facts.CollectionError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parts of a snapshot that must be there and not null, reported as {@code file: json.path:
 * what} and never turned into a default: an {@code "errors": null} must not read as "no
 * collection errors", a missing {@code regions} must not turn region checks into N/A. Checked
 * in two steps that fit the streaming reader: the top-level keys while the version is read, the
 * rest on the bound snapshot.
 */
final class SnapshotShape {
    private static final List<String> REQUIRED = List.of("accountId", "regions", "services", "errors", "facts");

    private SnapshotShape() {
    }

    /** Before the version check: a report's schemaVersion is not a snapshot's, and "upgrade" would mislead. */
    static void checkNotAReport(Path file, Map<String, JsonToken> top) {
        if (top.containsKey("findings") && !top.containsKey("facts")) {
            throw InvalidInputException.of("error.isReport", file);
        }
    }

    /** After binding (unknown keys are named first): required top-level keys present and not null. */
    static void checkTop(Path file, Map<String, JsonToken> top) {
        for (String key : REQUIRED) {
            JsonToken t = top.get(key);
            if (t == null || t == JsonToken.VALUE_NULL) {
                fail(file, key, t == null ? "error.shape.missing" : "error.shape.null");
            }
        }
        if (top.get("regions") != JsonToken.START_ARRAY) {
            fail(file, "regions", "error.shape.regionList");
        }
        if (top.get("errors") != JsonToken.START_ARRAY) {
            fail(file, "errors", "error.shape.list");
        }
        if (top.get("services") != JsonToken.START_OBJECT || top.get("facts") != JsonToken.START_OBJECT) {
            fail(file, top.get("services") != JsonToken.START_OBJECT ? "services" : "facts", "error.shape.object");
        }
    }

    static void check(Path file, Snapshot s) {
        if (s.getRegions().isEmpty()) {
            fail(file, "regions", "error.shape.regionsEmpty");
        }
        for (int i = 0; i < s.getRegions().size(); i++) {
            if (s.getRegions().get(i) == null || s.getRegions().get(i).isBlank()) {
                fail(file, "regions[" + i + "]", "error.shape.region");
            }
        }
        s.getServices().forEach((name, st) -> {
            if (st == null) {
                fail(file, "services." + name, "error.shape.null");
            }
            if (st.getStatus() == null) {
                fail(file, "services." + name + ".status", "error.shape.null");
            }
        });
        for (int i = 0; i < s.getErrors().size(); i++) {
            CollectionError e = s.getErrors().get(i);
            if (e == null) {
                fail(file, "errors[" + i + "]", "error.shape.objectNotNull");
            }
            if (e.getService() == null || e.getOperation() == null || e.getErrorCode() == null) {
                fail(file, "errors[" + i + "]." + (e.getService() == null ? "service"
                        : e.getOperation() == null ? "operation" : "errorCode"), "error.shape.missingOrNull");
            }
        }
        for (var m : Facts.class.getMethods()) {
            if (m.getName().startsWith("get") && m.getReturnType() == List.class) {
                String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                List<?> list;
                try {
                    list = (List<?>) m.invoke(s.getFacts());
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
                if (list == null) {
                    fail(file, "facts." + name, "error.shape.listNotNull");
                }
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == null) {
                        fail(file, "facts." + name + "[" + i + "]", "error.shape.objectNotNull");
                    }
                }
            }
        }
    }

    /** {@code what} is an {@code error.shape.*} message key: missing, null, list, ... */
    private static void fail(Path file, String path, String what) {
        throw InvalidInputException.of("error.shape", file, path, io.tenken.findings.Message.of(what));
    }
}
