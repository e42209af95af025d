package io.tenken.engine;

import io.tenken.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Compiles DRL sources into Drools' executable model (Java classes, not interpreted DRL). Used
 * at build time for the bundled pack and at run time only when {@code --rules} adds files.
 */
public final class KjarBuilder {
    static final String KBASE = "tenken";
    static final String GROUP = "io.tenken";
    static final String ARTIFACT = "tenken-rules";
    private static final String PREFIX = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private KjarBuilder() {
    }

    public static ReleaseId releaseId(String version) {
        return KieServices.Factory.get().newReleaseId(GROUP, ARTIFACT, version);
    }

    /** Compiles; a DRL error becomes one line naming the file, line and message. */
    public static InternalKieModule build(List<DrlSource> sources, String version) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // Unique per build so two packs compiled in one JVM never shadow each other.
        ReleaseId rid = releaseId(version + "-" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(KBASE).setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        Map<String, DrlSource> byPath = sources.stream()
                .collect(Collectors.toMap(s -> PREFIX + s.name(), s -> s));
        byPath.forEach((path, s) -> kfs.write(path, s.text()));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw errors.size() > 1
                    ? InvalidInputException.of("error.drlErrors", describe(errors.get(0), byPath), errors.size() - 1)
                    : InvalidInputException.of("error.detail", describe(errors.get(0), byPath));
        }
        return (InternalKieModule) builder.getKieModule();
    }

    private static String describe(Message m, Map<String, DrlSource> byPath) {
        String text = m.getText() == null ? "rule compilation failed" : m.getText().strip();
        int nl = text.indexOf('\n');
        if (nl >= 0) {
            text = text.substring(0, nl).strip();
        }
        // Drools reports the path relative to src/main/resources or to the project root; errors
        // in rule code point at the Java it generated (src/main/java/<drl package>/...).
        DrlSource src = m.getPath() == null ? null : byPath.entrySet().stream()
                .filter(e -> e.getKey().equals(m.getPath()) || e.getKey().endsWith("/" + m.getPath()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        boolean generated = src == null && m.getPath() != null && m.getPath().endsWith(".java");
        if (generated) {
            src = byGeneratedPath(m.getPath(), byPath.values());
        }
        int line = generated ? 0 : m.getLine();
        if (src != null && line <= 0) {
            line = SourceLocator.lineOf(src.text(), text);
        }
        String file = src != null ? src.origin() : (m.getPath() != null ? m.getPath() : "rules");
        return file + (line > 0 ? ":" + line + (!generated && m.getColumn() > 0 ? ":" + m.getColumn() : "") : "")
                + ": " + text;
    }

    /** The DRL whose package the generated class lives in (longest package prefix wins). */
    private static DrlSource byGeneratedPath(String javaPath, java.util.Collection<DrlSource> sources) {
        String dotted = javaPath.replaceFirst("^src/main/java/", "").replace('/', '.');
        DrlSource best = null;
        int bestLength = -1;
        for (DrlSource s : sources) {
            String pkg = SourceLocator.packageOf(s.text());
            if (pkg != null && dotted.startsWith(pkg + ".") && pkg.length() > bestLength) {
                best = s;
                bestLength = pkg.length();
            }
        }
        return best;
    }
}
