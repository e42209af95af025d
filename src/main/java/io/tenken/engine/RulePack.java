package io.tenken.engine;

import io.tenken.InvalidInputException;
import io.tenken.findings.RuleInfo;
import io.tenken.snapshot.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled set of rules with their metadata and texts. The bundled pack is loaded from the
 * kjar the build produced; {@link #withOverrides} compiles bundled plus user files at run time.
 */
public final class RulePack {
    public static final String BUNDLED_VERSION = "bundled";
    static final String KJAR = "tenken/rulepack.kjar";
    static final String FILE_INDEX = "rulepack.files";
    public static final List<String> LANGUAGES = List.of("en", "ja");

    private final KieBase kieBase;
    private final Map<String, RuleMetadata> byRuleName;
    private final List<RuleMetadata> rules;
    private final Map<String, Properties> texts;
    private final MessageCatalog messages;
    private final String sha256;
    private final boolean executableModel;
    private String version;

    private final Map<String, String> drlOrigins;

    /** The DRL file(s) a rule comes from, for messages. */
    String origin(Rule rule) {
        return drlOrigins.getOrDefault(rule.getPackageName(), "package " + rule.getPackageName());
    }

    private RulePack(KieModule module, Map<String, String> drlOrigins, Map<String, Properties> texts,
                     String sha256) {
        this.drlOrigins = drlOrigins;
        this.executableModel = module instanceof CanonicalKieModule;
        this.kieBase = KieServices.Factory.get().newKieContainer(module.getReleaseId())
                .getKieBase(KjarBuilder.KBASE);
        this.texts = texts;
        this.messages = new MessageCatalog(texts);
        this.sha256 = sha256;
        Map<String, RuleMetadata> names = new HashMap<>();
        Map<String, RuleMetadata> ids = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String origin = drlOrigins.getOrDefault(pkg.getName(), "package " + pkg.getName());
                RuleMetadata meta = RuleMetadata.of(rule, origin);
                // One check may be written as several DRL rules (e.g. a PASS and a FAIL branch)
                // sharing an id; they must then agree on everything a report shows.
                RuleMetadata clash = ids.putIfAbsent(meta.id(), meta);
                if (clash != null && !clash.sameCheckAs(meta)) {
                    throw InvalidInputException.of("error.ruleClash", origin, meta.id(), clash.ruleName(), rule.getName());
                }
                names.put(key(rule), meta);
            }
        }
        this.byRuleName = names;
        this.rules = List.copyOf(ids.values());
    }

    private final Map<String, RuleReads> reads = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the rule's conditions read, analysed once per rule (see {@link RuleReads}). */
    RuleReads reads(Rule rule) {
        return reads.computeIfAbsent(key(rule), k -> RuleReads.of(rule));
    }

    /** The DRL rules that make up one check, by id. */
    List<Rule> drlRules(String id) {
        List<Rule> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleMetadata m = byRuleName.get(key(rule));
                if (m != null && m.id().equals(id)) {
                    out.add(rule);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(RulePack::key));
        return out;
    }

    static String key(Rule rule) {
        return rule.getPackageName() + "." + rule.getName();
    }

    /** The pack compiled into this build: no DRL is parsed. */
    public static RulePack bundled() {
        List<DrlSource> drl = bundledSources();
        KieServices ks = KieServices.Factory.get();
        // Built from the kjar's files directly: the module model is known (one default kbase),
        // which spares parsing kmodule.xml, a third of the start-up cost.
        ReleaseId rid = KjarBuilder.releaseId(BUNDLED_VERSION);
        KieModuleModel model = ks.newKieModuleModel();
        model.newKieBaseModel(KjarBuilder.KBASE).setDefault(true);
        InternalKieModule module = new CanonicalKieModule(new MemoryKieModule(rid, model,
                MemoryFileSystem.readFromJar(RuleSources.classpathBytes(KJAR))));
        ks.getRepository().addKieModule(module);
        RulePack pack = new RulePack(module, origins(drl), bundledTexts(), fingerprint(drl, bundledTextSources()));
        pack.version = io.tenken.Version.get();
        return pack;
    }

    /** Bundled rules with files from {@code dir} added or replacing ones of the same name. */
    public static RulePack withOverrides(Path dir) {
        Map<String, DrlSource> merged = new TreeMap<>();
        bundledSources().forEach(s -> merged.put(s.name(), s));
        RuleSources.fromDirectory(dir).forEach(s -> merged.put(s.name(), s));
        List<DrlSource> drl = List.copyOf(merged.values());
        Map<String, String> textSources = new TreeMap<>(bundledTextSources());
        Map<String, Properties> texts = bundledTexts();
        for (String lang : LANGUAGES) {
            Path f = dir.resolve("messages_" + lang + ".properties");
            if (Files.isRegularFile(f)) {
                try {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    texts.get(lang).putAll(RuleSources.properties(f.toString(), text));
                    textSources.put(f.getFileName() + "@user", text);
                } catch (java.io.IOException e) {
                    throw InvalidInputException.of("error.io", f, e.getMessage());
                }
            }
        }
        String sha = fingerprint(drl, textSources);
        InternalKieModule module = KjarBuilder.build(drl, sha.substring(0, 12));
        RulePack pack = new RulePack(module, origins(drl), texts, sha);
        pack.version = io.tenken.Version.get() + "+custom." + sha.substring(0, 12);
        return pack;
    }

    static List<DrlSource> bundledSources() {
        List<DrlSource> out = new ArrayList<>();
        for (String name : RuleSources.classpathText("tenken/" + FILE_INDEX).split("\n")) {
            if (!name.isBlank()) {
                String n = name.strip();
                out.add(new DrlSource(n, "rules/" + n, RuleSources.classpathText("rules/" + n)));
            }
        }
        return out;
    }

    private static Map<String, String> bundledTextSources() {
        Map<String, String> out = new TreeMap<>();
        for (String lang : LANGUAGES) {
            String name = "messages_" + lang + ".properties";
            out.put(name, RuleSources.classpathText("rules/" + name));
        }
        return out;
    }

    private static Map<String, Properties> bundledTexts() {
        Map<String, Properties> out = new LinkedHashMap<>();
        bundledTextSources().forEach((name, text) -> out.put(
                name.substring("messages_".length(), name.indexOf('.')),
                RuleSources.properties("rules/" + name, text)));
        return out;
    }

    /** The package each DRL declares, mapped to its file, for error messages. */
    private static Map<String, String> origins(List<DrlSource> drl) {
        Map<String, String> out = new HashMap<>();
        java.util.regex.Pattern pkg = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
        for (DrlSource s : drl) {
            java.util.regex.Matcher m = pkg.matcher(s.text());
            if (m.find()) {
                out.merge(m.group(1), s.origin(), (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    /** sha256 over every file of the pack, in name order: identifies exactly what judged. */
    private static String fingerprint(List<DrlSource> drl, Map<String, String> textSources) {
        StringBuilder sb = new StringBuilder();
        drl.stream().sorted(Comparator.comparing(DrlSource::name))
                .forEach(s -> sb.append(s.name()).append('\0').append(s.text()).append('\0'));
        textSources.forEach((n, t) -> sb.append(n).append('\0').append(t).append('\0'));
        return Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every message pattern of the pack, by language: evidence, titles and the engine's own texts. */
    public MessageCatalog messages() {
        return messages;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public String sha256() {
        return sha256;
    }

    /**
     * The rule pack's version for reports: the tool version for the bundled pack;
     * {@code <tool version>+custom.<sha256 prefix>} when {@code --rules} added or replaced files.
     */
    public String version() {
        return version;
    }

    public boolean isExecutableModel() {
        return executableModel;
    }

    /** Rule metadata sorted by id. */
    public List<RuleMetadata> rules() {
        return rules;
    }

    RuleMetadata metadata(Rule rule) {
        RuleMetadata m = byRuleName.get(key(rule));
        if (m == null) {
            throw new IllegalStateException("rule not in pack: " + key(rule));
        }
        return m;
    }

    /** A rule text in {@code lang}, falling back to English, then to {@code fallback}. */
    public String text(String lang, String ruleId, String field, String fallback) {
        String key = ruleId + "." + field;
        Properties p = texts.get(lang);
        String v = p == null ? null : p.getProperty(key);
        if (v == null || v.isBlank()) {
            v = texts.get("en").getProperty(key);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** True when the bundle for {@code lang} itself has the text (no fallback): for tests. */
    public boolean hasText(String lang, String ruleId, String field) {
        Properties p = texts.get(lang);
        String v = p == null ? null : p.getProperty(ruleId + "." + field);
        return v != null && !v.isBlank();
    }

    public List<RuleInfo> catalog(String lang) {
        return rules.stream().map(m -> new RuleInfo(m.id(), m.severity(), m.service(), m.concepts(),
                m.requires(), m.references(), text(lang, m.id(), "title", m.ruleName()),
                text(lang, m.id(), "rationale", ""), text(lang, m.id(), "remediation", ""))).toList();
    }
}
