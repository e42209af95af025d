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

    /**
     * One line, {@code file:line:column: what is wrong (at path.to.key)}, as a message: the
     * problems users make (an unknown or repeated key, a value of the wrong type, a null, a name
     * outside a list of values, broken syntax) are message keys; anything else keeps Jackson's
     * own first line as the detail.
     */
    public static io.tenken.findings.Message describe(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = place(file, loc);
        io.tenken.findings.Message what = problem(e);
        return e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? io.tenken.findings.Message.of("error.json.atPath", where, what, pathOf(jme))
                : io.tenken.findings.Message.of("error.json.at", where, what);
    }

    /** {@code file} or {@code file:line:column} when the location is known. */
    public static String place(Path file, JsonLocation loc) {
        return loc != null && loc.getLineNr() > 0 ? file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() : file.toString();
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.*)'");

    /** What is wrong, without the place: a message key for the problems users make, else Jackson's first line. */
    public static io.tenken.findings.Message problem(JsonProcessingException e) {
        String detail = firstLine(e.getOriginalMessage());
        java.util.regex.Matcher dup = DUPLICATE.matcher(detail);
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return io.tenken.findings.Message.of("error.json.unknownKey", u.getPropertyName());
        }
        if (dup.find()) {
            return io.tenken.findings.Message.of("error.json.duplicateKey", dup.group(1));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return io.tenken.findings.Message.of("error.json.notOneOf", String.valueOf(f.getValue()),
                    java.util.Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).toList());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return detail.startsWith("Cannot map `null`") || detail.contains("from Null value")
                    ? io.tenken.findings.Message.of("error.json.null")
                    : io.tenken.findings.Message.of("error.json.wrongType", io.tenken.findings.Message.of(typeKey(m.getTargetType())));
        }
        if (detail.startsWith("Unexpected end-of-input")) {
            return io.tenken.findings.Message.of("error.json.truncated");
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return io.tenken.findings.Message.of("error.json.syntax", detail);
        }
        return io.tenken.findings.Message.of("error.json.invalid", detail);
    }

    /** What a Java type is called in the words of a JSON or YAML file. */
    private static String typeKey(Class<?> t) {
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class || t == short.class
                || t == Short.class || t == java.math.BigInteger.class) {
            return "error.json.type.integer";
        }
        if (t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t)) {
            return "error.json.type.number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "error.json.type.boolean";
        }
        if (CharSequence.class.isAssignableFrom(t) || t.isEnum() || t == java.time.LocalDate.class) {
            return "error.json.type.text";
        }
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
            return "error.json.type.list";
        }
        return "error.json.type.object";
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
