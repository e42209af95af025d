package io.tenken.report;

import freemarker.core.JSONCFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.tenken.findings.Report;
import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The FreeMarker set-up every template renderer shares. {@code .ftlh} templates auto-escape
 * HTML; JSON templates write strings with {@code ?c} in the JSON c_format. Templates cannot
 * instantiate classes, and any template error aborts rendering instead of printing a partial page.
 */
public final class Templates {
    private static final Configuration CONFIG = configure();

    private Templates() {
    }

    private static Configuration configure() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(Templates.class, "/reports");
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setCFormat(JSONCFormat.INSTANCE);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }

    /** Parses the renderers' templates ahead of use (FreeMarker caches them), e.g. while rules load. */
    public static void preload(java.util.Collection<? extends ReportRenderer> renderers) {
        for (String name : renderers.stream().flatMap(r -> r.templates().stream()).toList()) {
            try {
                CONFIG.getTemplate(name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load report template " + name, e);
            }
        }
    }

    /** Renders the template straight into {@code out} (UTF-8), which stays open. */
    static void write(String templateName, Report report, Map<String, Object> extra, OutputStream out)
            throws IOException {
        try {
            Template t = CONFIG.getTemplate(templateName);
            Map<String, Object> model = new HashMap<>(extra);
            model.put("report", report);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            t.process(model, w);
            w.flush();
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + templateName + " failed: " + e.getMessage(), e);
        }
    }
}
