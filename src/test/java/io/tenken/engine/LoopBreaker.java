package io.tenken.engine;

/** For a test rule that loops: true once the engine gave up on it (its thread is interrupted). */
public final class LoopBreaker {
    private LoopBreaker() {
    }

    public static boolean stop() {
        return Thread.currentThread().isInterrupted();
    }
}
