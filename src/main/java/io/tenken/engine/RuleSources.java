package io.tenken.engine;

import io.tenken.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Where rule files and their message bundles come from: a directory or the classpath. */
final class RuleSources {
    private RuleSources() {
    }

    static List<DrlSource> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.of("error.notFound", dir, io.tenken.findings.Message.of("error.file.rules"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<DrlSource> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                DrlGuard.check(f.toString(), text);
                out.add(new DrlSource(f.getFileName().toString(), f.toString(), text));
            }
            return out;
        } catch (IOException e) {
            throw InvalidInputException.of("error.cannotRead", dir, io.tenken.findings.Message.of("error.file.rules"), e.getMessage());
        }
    }

    static String classpathText(String resource) {
        return new String(classpathBytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] classpathBytes(String resource) {
        try (InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource + " (broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties read as UTF-8, so Japanese texts are written as themselves. */
    static Properties properties(String origin, String text) {
        Properties p = new Properties();
        try (Reader r = new java.io.StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.of("error.io", origin, e.getMessage());
        }
        return p;
    }
}
