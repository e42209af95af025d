package io.tenken.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.ConditionalElement;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.definition.rule.Rule;

/**
 * What one compiled rule's conditions read, found once per rule from its patterns:
 * <ul>
 * <li>for each fact the rule binds (a top-level pattern, {@code $b : Bucket(...)}), the fields its
 *     constraints read, on that pattern or through {@code $b.field} anywhere in the rule;</li>
 * <li>every kind it quantifies over ({@code not}, {@code exists}, {@code collect},
 *     {@code accumulate}, {@code from}) with the fields read there: the verdict relies on the
 *     completeness of that kind and on those fields of <em>every</em> fact of it.</li>
 * </ul>
 * A fact passed whole ({@code $a} as an argument, {@code this}, an {@code eval}) counts as all
 * of its fields read. Anything the analysis does not recognise counts as quantifying over every
 * kind with every field: it can only make verdicts ERROR, never PASS or FAIL.
 */
final class RuleReads {
    /**
     * A quantified read: every fact of {@code kind}, these fields ({@code "*"}: all); when the
     * pattern joins on {@code region == $x.region}, only facts and listings of that region
     * ({@code regionOf} names {@code $x}). {@code gates}: whether facts missing from the kind's
     * listing can keep the rule from firing at all ({@code exists}, or a collect/accumulate whose
     * result is constrained, e.g. {@code size > 0}); the engine then stands an ERROR row in for
     * the verdict that may be missing. Under {@code not}, missing facts can only make the rule
     * fire, which that verdict's own reasons cover.
     */
    record Quantified(Class<?> kind, Set<String> fields, String regionOf, boolean gates) {
        Quantified(Class<?> kind, Set<String> fields) {
            this(kind, fields, null, true);
        }
    }

    private final Map<String, Class<?>> boundKinds = new LinkedHashMap<>();
    private final Map<String, Set<String>> boundFields = new LinkedHashMap<>();
    private final List<Quantified> quantified = new ArrayList<>();
    /** Kinds the rule fires on the absence of ({@code not Kind(...)}). */
    private final Set<Class<?>> negated = new LinkedHashSet<>();

    Set<Class<?>> negatedKinds() {
        return negated;
    }

    Map<String, Class<?>> boundKinds() {
        return boundKinds;
    }

    Set<String> boundFields(String declaration) {
        return boundFields.getOrDefault(declaration, Set.of());
    }

    List<Quantified> quantified() {
        return quantified;
    }

    static RuleReads of(Rule rule) {
        RuleReads r = new RuleReads();
        if (!(rule instanceof RuleImpl impl)) {
            r.quantified.add(new Quantified(Object.class, Set.of(io.tenken.facts.Fallible.ALL_FIELDS)));
            return r;
        }
        r.walk(impl.getLhs(), false, false);
        return r;
    }

    private void walk(Object element, boolean underQuantifier, boolean gates) {
        if (element instanceof GroupElement g) {
            boolean q = underQuantifier || g.isNot() || g.isExists();
            boolean gt = !g.isNot() && (gates || g.isExists());
            if (g.isNot()) {
                for (Object child : g.getChildren()) {
                    if (child instanceof org.drools.base.rule.Pattern p && p.getObjectType() instanceof ClassObjectType c) {
                        negated.add(c.getClassType());
                    }
                }
            }
            for (Object child : g.getChildren()) {
                walk(child, q, gt);
            }
        } else if (element instanceof org.drools.base.rule.Pattern p) {
            pattern(p, underQuantifier, gates);
        } else if (element instanceof EvalCondition e) {
            for (Declaration d : e.getRequiredDeclarations()) {
                read(d.getIdentifier(), ALL);
            }
        } else if (element instanceof ConditionalElement ce && ce.getNestedElements() != null
                && !ce.getNestedElements().isEmpty() && !(element instanceof Accumulate) && !(element instanceof Collect)) {
            ce.getNestedElements().forEach(n -> walk(n, true, true));
        } else {
            quantified.add(new Quantified(Object.class, Set.of(ALL)));
        }
    }

    private static final String ALL = io.tenken.facts.Fallible.ALL_FIELDS;

    private void pattern(org.drools.base.rule.Pattern p, boolean underQuantifier, boolean gates) {
        Class<?> kind = p.getObjectType() instanceof ClassObjectType c ? c.getClassType() : Object.class;
        String own = p.getDeclaration() == null ? null : p.getDeclaration().getIdentifier();
        Object source = p.getSource();
        // from lookup.x(key): the facts of the pattern's own kind with that key, which the pattern
        // restates; analysed as the same pattern without the from (see io.tenken.facts.Lookup).
        boolean fromSource = source != null && !(source instanceof org.drools.base.rule.EntryPointId)
                && !isLookup(source);
        if (fromSource) {
            // The pattern binds the result of collect/accumulate/from: what it reads is inside.
            if (source instanceof Accumulate || source instanceof Collect) {
                walkSource(source, gates || !p.getConstraints().isEmpty());
            } else {
                // from <expression>: which facts and fields it reads is not analysed.
                quantified.add(new Quantified(Object.class, Set.of(ALL)));
            }
        }
        boolean quantifiedHere = underQuantifier || fromSource;
        Set<String> ownFields = new TreeSet<>();
        String regionOf = null;
        for (Constraint c : p.getConstraints()) {
            String text = c instanceof LambdaConstraint lc && lc.getPredicateInformation() != null
                    ? lc.getPredicateInformation().getStringConstraint() : null;
            if (text == null || text.isBlank()) {
                ownFields.add(ALL);
                for (Declaration d : c.getRequiredDeclarations()) {
                    read(d.getIdentifier(), ALL);
                }
                continue;
            }
            parse(text, kind, ownFields, c.getRequiredDeclarations());
            Matcher join = REGION_JOIN.matcher(text);
            if (join.matches()) {
                regionOf = join.group(1) != null ? join.group(1) : join.group(2);
            }
        }
        for (Declaration d : p.getDeclarations().values()) {
            if (own == null || !own.equals(d.getIdentifier())) {
                ownFields.add(ALL); // a field binding ($x : field): which field is not recorded
            }
        }
        if (fromSource) {
            return; // constraints on a collected list read the list, not facts
        }
        if (quantifiedHere) {
            quantified.add(new Quantified(kind, ownFields, regionOf, gates));
        } else if (own != null) {
            boundKinds.put(own, kind);
            boundFields.computeIfAbsent(own, k -> new TreeSet<>()).addAll(ownFields);
        }
    }

    /** The global through which rules reach one of many facts by its key. */
    static final String LOOKUP = "lookup";

    private static boolean isLookup(Object source) {
        if (!(source instanceof org.drools.base.rule.From from) || from.getDataProvider() == null) {
            return false;
        }
        for (Declaration d : from.getDataProvider().getRequiredDeclarations()) {
            if (LOOKUP.equals(d.getIdentifier()) && d.getDeclarationClass() == io.tenken.facts.Lookup.class) {
                return true;
            }
        }
        return false;
    }

    private void walkSource(Object source, boolean gates) {
        if (source instanceof Accumulate a) {
            for (Object n : a.getNestedElements()) {
                walk(n, true, gates);
            }
        } else if (source instanceof Collect c) {
            walk(c.getSourcePattern(), true, gates);
        }
    }

    private void read(String declaration, String field) {
        boundFields.computeIfAbsent(declaration, k -> new TreeSet<>()).add(field);
    }

    private static final Pattern REGION_JOIN = Pattern.compile(
            "\\s*region\\s*==\\s*(\\$\\w+)\\.(?:region|name)\\s*|\\s*(\\$\\w+)\\.(?:region|name)\\s*==\\s*region\\s*");
    private static final Pattern IDENT = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

    /** Fields of the pattern's own kind and of other bound facts that one constraint reads. */
    private void parse(String text, Class<?> kind, Set<String> ownFields, Declaration[] required) {
        String t = STRING.matcher(text).replaceAll("\"\"");
        Set<String> props = properties(kind);
        Matcher m = IDENT.matcher(t);
        while (m.find()) {
            String id = m.group();
            int before = prevNonSpace(t, m.start());
            if (before >= 0 && t.charAt(before) == '.') {
                continue;
            }
            int after = nextNonSpace(t, m.end());
            boolean member = after < t.length() && t.charAt(after) == '.';
            boolean call = after < t.length() && t.charAt(after) == '(';
            if (id.startsWith("$") || id.equals("this")) {
                String field = ALL;
                if (member) {
                    Matcher next = IDENT.matcher(t);
                    if (next.find(after + 1)) {
                        int afterNext = nextNonSpace(t, next.end());
                        field = property(next.group(), afterNext < t.length() && t.charAt(afterNext) == '(');
                    }
                }
                if (id.equals("this")) {
                    ownFields.add(field);
                } else {
                    read(id, field);
                }
            } else if (!call && props.contains(id)) {
                ownFields.add(id);
            } else if (call && props.contains(property(id, true)) && !id.equals(property(id, true))) {
                ownFields.add(property(id, true));
            }
        }
    }

    /** {@code getFoo()} / {@code isFoo()} → foo; a plain property name stays; another method → all. */
    private static String property(String name, boolean call) {
        if (!call) {
            return name;
        }
        for (String prefix : List.of("get", "is")) {
            if (name.length() > prefix.length() && name.startsWith(prefix)
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                String rest = name.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return ALL;
    }

    private static int prevNonSpace(String t, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(t.charAt(j))) {
            j--;
        }
        return j;
    }

    private static int nextNonSpace(String t, int i) {
        int j = i;
        while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
            j++;
        }
        return j;
    }

    private static final Map<Class<?>, Set<String>> PROPS = new java.util.concurrent.ConcurrentHashMap<>();

    static Set<String> properties(Class<?> kind) {
        return PROPS.computeIfAbsent(kind, k -> {
            Set<String> out = new LinkedHashSet<>();
            for (Method m : k.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class) {
                    String p = property(m.getName(), true);
                    if (!ALL.equals(p)) {
                        out.add(p);
                    }
                }
            }
            return out;
        });
    }
}
