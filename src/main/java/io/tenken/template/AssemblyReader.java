package io.tenken.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.InputFiles;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the paths given to {@code tenken template} into stacks: a cloud assembly directory
 * ({@code manifest.json}: every {@code aws:cloudformation:stack} artifact with its environment,
 * nested cloud assemblies of CDK stages, and nested stacks through their {@code aws:asset:path}),
 * or template files (JSON or YAML) whose environment is unknown.
 */
public final class AssemblyReader {
    private AssemblyReader() {
    }

    public static List<Stack> read(List<Path> paths) {
        if (paths.isEmpty()) {
            throw InvalidInputException.of("error.noTemplates");
        }
        List<Stack> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                assembly(p, out);
            } else {
                String name = p.getFileName().toString().replaceFirst("(\\.template)?\\.(json|ya?ml|template)$", "");
                addWithNested(new Stack(name, null, null, TemplateReader.read(p, display(p)), null, null, Map.of()),
                        p.getParent() == null ? Path.of(".") : p.getParent(), out);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Stack s : out) {
            if (seen.merge(s.name(), 1, Integer::sum) > 1) {
                throw InvalidInputException.of("error.stackTwice", s.template().file(), s.name());
            }
        }
        return out;
    }

    private static void assembly(Path dir, List<Stack> out) {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw InvalidInputException.of("error.notAssembly", dir);
        }
        JsonNode manifest;
        try {
            manifest = Json.MAPPER.readTree(InputFiles.read(manifestFile, "error.file.manifest"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(manifestFile, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", manifestFile, e.getMessage());
        }
        JsonNode artifacts = manifest.path("artifacts");
        // Artifact order in the manifest is CDK's; sort so output does not depend on it.
        Map<String, JsonNode> sorted = new TreeMap<>();
        artifacts.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            JsonNode a = e.getValue();
            String type = a.path("type").asText();
            if (type.equals("cdk:cloud-assembly")) {
                assembly(dir.resolve(a.path("properties").path("directoryName").asText()), out);
            } else if (type.equals("aws:cloudformation:stack")) {
                String templateFile = a.path("properties").path("templateFile").asText(null);
                if (templateFile == null) {
                    throw InvalidInputException.of("error.artifactTemplate", manifestFile, e.getKey());
                }
                String name = a.path("properties").path("stackName").asText(e.getKey());
                String[] env = environment(manifestFile, e.getKey(), a.path("environment").asText(""));
                Path file = dir.resolve(templateFile);
                addWithNested(new Stack(name, env[0], env[1], TemplateReader.read(file, display(file)), null, null,
                        Map.of()), dir, out);
            }
        }
    }

    /** {@code aws://ACCOUNT/REGION}; {@code unknown-account} / {@code unknown-region} read as null. */
    private static String[] environment(Path manifest, String artifact, String env) {
        if (env.isEmpty()) {
            return new String[] {null, null};
        }
        if (!env.startsWith("aws://") || env.substring(6).split("/").length != 2) {
            throw InvalidInputException.of("error.artifactEnvironment", manifest, artifact, env);
        }
        String[] parts = env.substring(6).split("/");
        return new String[] {parts[0].startsWith("unknown-") ? null : parts[0],
            parts[1].startsWith("unknown-") ? null : parts[1]};
    }

    private static void addWithNested(Stack stack, Path dir, List<Stack> out) {
        out.add(stack);
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.template().section("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            if (!"AWS::CloudFormation::Stack".equals(r.path("Type").asText())) {
                continue;
            }
            String asset = r.path("Metadata").path("aws:asset:path").asText(null);
            if (asset == null) {
                // A nested stack by URL only: its template is not in the assembly, its resources are not read.
                continue;
            }
            Map<String, JsonNode> params = new HashMap<>();
            r.path("Properties").path("Parameters").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue()));
            Path file = dir.resolve(asset);
            Stack nested = new Stack(stack.name() + "/" + e.getKey(), stack.account(), stack.region(),
                    TemplateReader.read(file, display(file)), stack, e.getKey(), params);
            addWithNested(nested, dir, out);
        }
    }

    /** The path as given, relative to the working directory when it is under it, with '/' separators. */
    static String display(Path file) {
        Path p = file.normalize();
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (p.startsWith(cwd)) {
                p = cwd.relativize(p);
            }
        }
        return p.toString().replace('\\', '/');
    }
}
