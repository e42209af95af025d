package io.tenken.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The read log of one rule consequence. Getters of fields that can be unknown call
 * {@link #of}; while the engine runs a consequence (and only then) the reads of unknown fields
 * are recorded, so the verdicts that consequence makes can be turned into ERROR naming what was
 * read. Reads outside a consequence (reports, serialisation) cost one thread-local lookup.
 */
public final class Reads {
    private static final ThreadLocal<Log> CURRENT = new ThreadLocal<>();

    private Reads() {
    }

    /** One read of an unknown field. */
    public record Read(Fallible fact, String field, Unknown why) {
    }

    /** Reads recorded since {@link #begin()}. */
    public static final class Log {
        private final List<Read> reads = new ArrayList<>();

        void missing(Fallible fact, String field, String what) {
            reads.add(new Read(fact, field, Unknown.missing(what)));
        }

        void read(Fallible fact, String field) {
            Unknown why = fact.unknown(field);
            if (why != null) {
                reads.add(new Read(fact, field, why));
            }
        }

        public List<Read> reads() {
            return reads;
        }
    }

    public static <T> T of(Fallible fact, String field, T value) {
        Log log = CURRENT.get();
        if (log != null) {
            log.read(fact, field);
        }
        return value;
    }

    public static boolean of(Fallible fact, String field, boolean value) {
        Log log = CURRENT.get();
        if (log != null) {
            log.read(fact, field);
        }
        return value;
    }

    public static int of(Fallible fact, String field, int value) {
        Log log = CURRENT.get();
        if (log != null) {
            log.read(fact, field);
        }
        return value;
    }

    /**
     * Records that a check needed {@code what}, which {@code fact}'s {@code field} refers to and
     * the snapshot does not hold: the verdict is then ERROR, never a FAIL "cannot verify".
     */
    public static void missing(Fallible fact, String field, String what) {
        Log log = CURRENT.get();
        if (log != null) {
            log.missing(fact, field, what);
        }
    }

    /** Starts recording on this thread (the engine, around a consequence). */
    public static Log begin() {
        Log log = new Log();
        CURRENT.set(log);
        return log;
    }

    public static void end() {
        CURRENT.remove();
    }
}
