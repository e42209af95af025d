package io.tenken.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.tenken.InputFiles;
import io.tenken.InvalidInputException;
import io.tenken.findings.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a CloudFormation template, JSON or YAML, strictly: a duplicate key, a null value or a
 * malformed document is an {@link InvalidInputException} naming {@code file:line:column}.
 * YAML short forms ({@code !Ref}, {@code !GetAtt A.B}, {@code !Sub}, {@code !If}, ...) become
 * the long forms ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [A, B]}}, ...) CloudFormation
 * documents, so resolution sees one language.
 */
public final class TemplateReader {
    private static final JsonFactory JSON = new JsonFactory();
    /** Made on first use: JSON templates (every CDK assembly) need no YAML parser classes. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateReader() {
    }

    public static TemplateDocument read(Path file, String displayPath) {
        byte[] bytes = InputFiles.read(file, "error.file.template");
        return parse(file, displayPath, bytes);
    }

    public static TemplateDocument parse(Path file, String displayPath, byte[] bytes) {
        boolean json = firstNonBlank(bytes) == '{';
        try (JsonParser p = (json ? JSON : Yaml.FACTORY).createParser(bytes)) {
            Map<String, Integer> lines = new HashMap<>();
            JsonToken t = p.nextToken();
            if (t == null) {
                throw InvalidInputException.of("error.template.empty", file);
            }
            JsonNode root = value(p, file, 0, null, lines);
            if (p.nextToken() != null) {
                throw error(file, p.currentTokenLocation(), Message.of("error.template.trailing"));
            }
            if (!(root instanceof ObjectNode o)) {
                throw InvalidInputException.of("error.template.notMapping", file);
            }
            if (!(o.get("Resources") instanceof ObjectNode)) {
                throw InvalidInputException.of("error.template.noResources", file);
            }
            return new TemplateDocument(file, displayPath, o, Map.copyOf(lines));
        } catch (JsonProcessingException e) {
            throw error(file, e.getLocation(), io.tenken.Json.problem(e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
    }

    /** Reads the value at the current token; {@code section} is the top-level key it is under. */
    private static JsonNode value(JsonParser p, Path file, int depth, String section, Map<String, Integer> lines)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        String tag = tag(p);
        JsonNode v;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (o.has(name)) {
                        throw error(file, keyAt, Message.of("error.template.duplicateKey", name));
                    }
                    if (depth == 1 && "Resources".equals(section)) {
                        lines.put(name, keyAt.getLineNr());
                    }
                    p.nextToken();
                    o.set(name, value(p, file, depth + 1, depth == 0 ? name : section, lines));
                }
                v = o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, file, depth + 1, section, lines));
                }
                v = a;
            }
            case VALUE_STRING -> v = NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> v = NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> v = NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> v = NODES.booleanNode(true);
            case VALUE_FALSE -> v = NODES.booleanNode(false);
            case VALUE_NULL -> {
                if (tag != null) {
                    // `!GetAZs` with no operand reads as null in YAML; CloudFormation takes "".
                    v = NODES.textNode("");
                } else {
                    throw error(file, at, Message.of("error.template.null"));
                }
            }
            default -> throw error(file, at, Message.of("error.template.unexpected", p.currentToken()));
        }
        return tag == null ? v : shortForm(file, at, tag, v);
    }

    private static String tag(JsonParser p) throws IOException {
        if (!(p instanceof YAMLParser y)) {
            return null;
        }
        String t = y.getTypeId();
        if (t == null || t.startsWith("tag:yaml.org,2002:")) {
            return null;
        }
        return t;
    }

    /** {@code !Ref x} → {@code {"Ref": x}}, {@code !GetAtt A.B} → {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !X v} → {@code {"Fn::X": v}}. */
    private static JsonNode shortForm(Path file, JsonLocation at, String tag, JsonNode v) {
        ObjectNode o = NODES.objectNode();
        switch (tag) {
            case "Ref" -> o.set("Ref", v);
            case "Condition" -> o.set("Condition", v);
            case "GetAtt" -> {
                if (v.isTextual()) {
                    String s = v.asText();
                    int dot = s.indexOf('.');
                    if (dot <= 0 || dot == s.length() - 1) {
                        throw error(file, at, Message.of("error.template.getAtt", s));
                    }
                    o.set("Fn::GetAtt", NODES.arrayNode().add(s.substring(0, dot)).add(s.substring(dot + 1)));
                } else {
                    o.set("Fn::GetAtt", v);
                }
            }
            default -> {
                if (!tag.matches("[A-Z][A-Za-z0-9]*")) {
                    throw error(file, at, Message.of("error.template.tag", tag));
                }
                o.set("Fn::" + tag, v);
            }
        }
        return o;
    }

    private static InvalidInputException error(Path file, JsonLocation loc, Message message) {
        return InvalidInputException.of("error.json.at", io.tenken.Json.place(file, loc), message);
    }

    private static int firstNonBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return -1;
    }
}
