package io.tenken.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import io.tenken.findings.Report;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.snapshot.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An earlier JSON report, read for comparison: only what the diff needs (the findings' keys,
 * statuses, severities, titles) is bound, so reports of schemaVersion 1 and 2 both work. A
 * defect is an {@link InvalidInputException} naming file:line:column.
 */
public record Baseline(Path file, String sha256, int schemaVersion, Meta metadata, List<Item> findings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(String snapshotSha256, String collectedAt, String lang, String asOf) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(@JsonProperty(required = true) String ruleId,
                       @JsonProperty(required = true) Status status,
                       @JsonProperty(required = true) Severity severity,
                       String region,
                       @JsonProperty(required = true) String resourceId,
                       String title,
                       List<String> concepts) {
        public String key() {
            return ruleId + "\u0000" + resourceId;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Doc(@JsonProperty(required = true) Integer schemaVersion,
               @JsonProperty(required = true) Meta metadata,
               @JsonProperty(required = true) List<Item> findings) {
    }

    private static final ObjectReader READER = Json.MAPPER.readerFor(Doc.class);

    public static Baseline read(Path file) {
        byte[] bytes = io.tenken.InputFiles.read(file, "error.file.report");
        Doc doc;
        try {
            doc = READER.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
        if (doc == null || doc.schemaVersion() == null || doc.metadata() == null || doc.findings() == null) {
            throw InvalidInputException.of("error.notBaseline", file);
        }
        if (doc.schemaVersion() < 1 || doc.schemaVersion() > Report.SCHEMA_VERSION) {
            throw InvalidInputException.of("error.reportSchema", file, doc.schemaVersion(), Report.SCHEMA_VERSION);
        }
        for (int i = 0; i < doc.findings().size(); i++) {
            Item f = doc.findings().get(i);
            if (f == null || f.ruleId() == null || f.status() == null || f.severity() == null || f.resourceId() == null) {
                throw InvalidInputException.of("error.baselineFinding", file, i);
            }
        }
        return new Baseline(file, Sha256.hex(bytes), doc.schemaVersion(), doc.metadata(), doc.findings());
    }
}
