package io.tenken.collect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers to reads that more than one collector needs (a region's user pools, a user pool's web
 * ACL, a region's REST APIs and an API's stages: Cognito and API Gateway read them for their own
 * facts, WAF for its associations), kept for one scan so each read is sent once. Whichever
 * collector asks first makes the call; the others wait for its answer. A failed answer is kept
 * with its error code and message: every asker records it against its own declared operation
 * ({@link ServiceRun#callShared}), so each one's facts become unknown exactly as if it had made
 * the call and failed itself.
 */
final class SharedReads {
    /** One answer: a value, "not configured", or a failure with the error the call ended with. */
    record Answer(Outcome.Kind kind, Object value, String errorCode, String message) {
        static Answer failed(String errorCode, String message) {
            return new Answer(Outcome.Kind.FAILED, null, errorCode, message);
        }
    }

    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    /** The answer for {@code key}: {@code read}'s when no one has asked before, else the first asker's. */
    Answer get(String key, Supplier<Answer> read) {
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> first = answers.putIfAbsent(key, mine);
        if (first != null) {
            return first.join();
        }
        try {
            Answer a = read.get();
            mine.complete(a);
            return a;
        } catch (RuntimeException | Error e) {
            // Never leave the others waiting: they see the failure, named as what it was.
            mine.complete(Answer.failed("CollectorFailure", e.getClass().getSimpleName() + ": " + Errors.message(e)));
            throw e;
        }
    }
}
