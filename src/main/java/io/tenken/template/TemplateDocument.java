package io.tenken.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One parsed template: its tree (YAML short forms already in their long form), the path to
 * show in findings (as the user gave it, with '/' separators), and the line of each resource's
 * logical id.
 */
public record TemplateDocument(Path file, String displayPath, ObjectNode root, Map<String, Integer> resourceLines) {

    public ObjectNode section(String name) {
        return root.get(name) instanceof ObjectNode o ? o : root.objectNode();
    }

    public int lineOf(String logicalId) {
        return resourceLines.getOrDefault(logicalId, 1);
    }
}
