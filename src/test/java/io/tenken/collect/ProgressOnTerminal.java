package io.tenken.collect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A scan's progress as {@link ProgressTest} watches it in a pseudo terminal (util-linux
 * {@code script}) or with standard error redirected: S3 works through 40 buckets, logs lists
 * 350 log groups page by page. Prints the width Progress took on standard output.
 */
public final class ProgressOnTerminal {
    private ProgressOnTerminal() {
    }

    public static void main(String[] args) throws Exception {
        Progress p = new Progress(true);
        System.out.println("width=" + p.width());
        AtomicLong bucketsDone = new AtomicLong();
        AtomicLong listed = new AtomicLong();
        p.start("s3", 1, bucketsDone::get, () -> 40, () -> 40);
        p.start("logs", 1, () -> 0, () -> 0, listed::get);
        for (int i = 0; i < 40; i++) {
            bucketsDone.incrementAndGet();
            listed.addAndGet(i < 7 ? 50 : 0);
            Thread.sleep(15);
        }
        p.unitDone("logs", "us-east-1", 7, 0);
        p.unitDone("s3", "global", 81, 0);
        p.finish();
    }
}
