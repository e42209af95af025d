package io.tenken;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The project's one Jackson configuration: strict on input, sorted and stable on output. */
public final class Json {
    private Json() {
    }

    public static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();
    public static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // A key given twice would silently keep the last value (a trailing "errors": []
                // would hide every collection error); a fraction where a count belongs is a typo.
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** One line: {@code file:line:column: what is wrong (at path.to.key)}. */
    public static String describe(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        StringBuilder sb = new StringBuilder(file.toString());
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            sb.append(": unknown key '").append(u.getPropertyName()).append('\'');
        } else {
            sb.append(": ").append(firstLine(e.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            sb.append(" (at ").append(pathOf(jme)).append(')');
        }
        return sb.toString();
    }

    public static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
