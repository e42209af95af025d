package io.tenken.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Evidence as a message key with arguments, formatted in a report's language only when it is
 * rendered (Checkstyle's {@code Violation} + {@code LocalizedMessage} model). An argument is a
 * value from the account (kept as text, never translated) or another message (translated with
 * it). The pattern for {@code key} lives in {@code rules/messages_<lang>.properties} with
 * {@code {0}}, {@code {1}}, ... placeholders.
 */
public record Message(String key, List<Object> args) {
    /** The reserved key of a list of messages, rendered joined by the language's separator. */
    public static final String LIST = "list";

    public Message {
        Objects.requireNonNull(key, "message key");
        args = List.copyOf(args);
        for (Object a : args) {
            if (!(a instanceof String) && !(a instanceof Message)) {
                throw new IllegalArgumentException("message " + key + ": argument " + a + " is neither text nor a message");
            }
        }
    }

    /**
     * {@code key} with {@code args}: messages stay messages; a collection of values becomes one
     * comma-separated value; anything else its {@code String.valueOf} (null reads "null", as
     * string concatenation did).
     */
    public static Message of(String key, Object... args) {
        List<Object> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(argument(a));
        }
        return new Message(key, out);
    }

    /**
     * A message as JSON writes it, {@code {"key": ..., "args": [text or {"key": ..., "args": ...}]}},
     * read back (account results keep their error as a message, so a merge renders it in its own language).
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    @SuppressWarnings("unchecked")
    static Message fromJson(@com.fasterxml.jackson.annotation.JsonProperty("key") String key,
                            @com.fasterxml.jackson.annotation.JsonProperty("args") List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args == null ? List.of() : args) {
            out.add(a instanceof java.util.Map<?, ?> m ? fromJson((String) m.get("key"), (List<Object>) m.get("args")) : a);
        }
        return new Message(key, out);
    }

    /** Several messages shown as one (joined with "; " in English). A single message is itself. */
    public static Message list(Collection<Message> items) {
        return items.size() == 1 ? items.iterator().next() : new Message(LIST, List.copyOf(items));
    }

    private static Object argument(Object a) {
        if (a instanceof Message m) {
            return m;
        }
        if (a instanceof Collection<?> c) {
            if (!c.isEmpty() && c.stream().allMatch(Message.class::isInstance)) {
                return list(c.stream().map(Message.class::cast).toList());
            }
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(a);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isList() {
        return LIST.equals(key);
    }

    /** The messages a list holds, or this one. */
    public List<Message> items() {
        return isList() ? args.stream().map(Message.class::cast).toList() : List.of(this);
    }

    /** A stable, language-free order for messages joined into one finding. */
    public static final Comparator<Message> ORDER = Comparator.comparing(Message::toString);

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
