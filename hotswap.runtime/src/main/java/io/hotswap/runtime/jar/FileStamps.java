package io.hotswap.runtime.jar;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a plugin directory's reader learns a file's {@link FileStamp}: the file system
 * ({@link #SYSTEM}), or a fake in tests that must control what a reload sees of a file.
 */
@FunctionalInterface
public interface FileStamps {

    /** The file system's stamps. */
    FileStamps SYSTEM = FileStamp::of;

    /** The stamp of {@code file} now. */
    FileStamp of(Path file) throws IOException;
}
