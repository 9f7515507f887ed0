package io.hotswap.runtime.jar;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the file system said of a plugin file at one moment: enough to tell, without reading it,
 * that it has not changed since (as git's index does). A write in place changes the size or the
 * modification time; the atomic replace that {@code hotswap build} does changes the file key
 * (device and inode).
 *
 * <p>A timestamp has a coarse tick (the kernel's clock tick on ext4, 2 s on FAT), so a file
 * written again within the tick of its modification time can keep every attribute. A stamp taken
 * that soon after the file's last modification or change is <em>racy</em>, as git calls it, and
 * {@link #unchangedIn} never trusts it: such a file is read and hashed again next time.
 *
 * @param key      {@link BasicFileAttributes#fileKey()}, or null where the file system has none
 * @param size     the size in bytes
 * @param modified the modification time, at the file system's full precision
 * @param changed  the status change time ({@code unix:ctime}), where the file system tells it
 * @param taken    when the stamp was taken: before the file system was asked, so that a write
 *                 after it is a write after {@code taken}
 */
public record FileStamp(Object key, long size, FileTime modified, Optional<FileTime> changed, Instant taken) {

    /**
     * The longest timestamp tick of the file systems a plugin directory may be on (FAT's 2 s), with
     * room for the file system's clock lagging the JVM's (Linux stamps files from a coarse clock).
     */
    static final Duration TICK = Duration.ofSeconds(3);

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    public FileStamp {
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(taken, "taken");
    }

    /** The stamp of {@code file} now, following symbolic links as the read does. */
    public static FileStamp of(Path file) throws IOException {
        Instant taken = Instant.now();
        if (UNIX) {
            // One stat for all four; "unix" is the JDK's view on Linux and macOS, not a standard one.
            Map<String, Object> a = Files.readAttributes(file, "unix:fileKey,size,lastModifiedTime,ctime");
            return new FileStamp(a.get("fileKey"), (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                    Optional.of((FileTime) a.get("ctime")), taken);
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime(), Optional.empty(), taken);
    }

    /**
     * Whether {@code now}, a later stamp of the same path, shows the file this stamp was taken of,
     * unchanged: the same key, size and times, and this stamp not racy.
     */
    public boolean unchangedIn(FileStamp now) {
        return !racy() && Objects.equals(key, now.key) && size == now.size && modified.equals(now.modified)
                && changed.equals(now.changed);
    }

    /** Taken within a tick of the file's last modification or change (or before it, by a skewed clock). */
    boolean racy() {
        Instant last = changed.filter(c -> c.compareTo(modified) > 0).orElse(modified).toInstant();
        return taken.isBefore(last.plus(TICK));
    }
}
