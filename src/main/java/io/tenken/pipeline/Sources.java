package io.tenken.pipeline;

import io.tenken.AtomicFiles;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Sha256;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotReader;
import io.tenken.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The ways a snapshot enters the pipeline. */
public final class Sources {
    private Sources() {
    }

    /** A saved snapshot file ({@code evaluate}, {@code verify}). */
    public static Source file(Path snapshotFile) {
        return () -> SnapshotReader.read(snapshotFile);
    }

    /** A snapshot bundled in the jar ({@code demo}). */
    public static Source bundled(String resource) {
        return () -> {
            try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled snapshot " + resource);
                }
                byte[] bytes = in.readAllBytes();
                return new LoadedSnapshot(SnapshotReader.parse(Path.of(resource), bytes), Sha256.hex(bytes));
            }
        };
    }

    /**
     * A snapshot made now ({@code scan}, {@code template}): written to {@code file} first, then
     * read back, so the run judges exactly the bytes {@code tenken evaluate FILE} would read.
     */
    public static Source.Writing written(Supplier<Snapshot> make, Path file) {
        return new Source.Writing() {
            @Override
            public byte[] make() {
                return SnapshotWriter.toBytes(make.get());
            }

            @Override
            public LoadedSnapshot commit(byte[] snapshot) throws IOException {
                AtomicFiles.write(file, snapshot);
                return new LoadedSnapshot(SnapshotReader.parse(file, snapshot), Sha256.hex(snapshot));
            }
        };
    }
}
