package io.tenken.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.tenken.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * Jackson generators for the streamed JSON formats: the same indentation everywhere
 * ({@code "key": value}, two spaces, LF, {@code []} when empty), every string escaped by
 * Jackson, and the caller's stream left open.
 */
public final class JsonStreams {
    private JsonStreams() {
    }

    public static JsonGenerator pretty(OutputStream out) throws IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        return configure(g).setPrettyPrinter(prettyPrinter());
    }

    static JsonGenerator compact(Writer out) throws IOException {
        return configure(Json.MAPPER.getFactory().createGenerator(out));
    }

    private static JsonGenerator configure(JsonGenerator g) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        return g;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    public static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        if (values != null) {
            for (String v : values) {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }
}
