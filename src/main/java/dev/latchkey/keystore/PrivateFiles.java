package dev.latchkey.keystore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files that hold wallet data (the database with its -wal and -shm, the lock, backups, exported keystores) are
 * created readable by their owner only: 0600 files in 0700 folders on POSIX systems. Other systems keep their
 * defaults (docs/keystore.md says what they are); {@link #problems} then reports nothing it cannot check.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() { }

    static boolean posix(Path p) {
        return p.toAbsolutePath().getRoot() != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and every missing parent as 0700; existing folders are left as they are. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return;
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) missing.add(0, p);
        for (Path p : missing) {
            if (posix(p)) Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY));
            else Files.createDirectory(p);
        }
    }

    /** Creates {@code file} (its folder too) as an empty 0600 file; fails if it exists. */
    public static void createEmpty(Path file) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        if (posix(file)) Files.createFile(file, attribute());
        else Files.createFile(file);
    }

    /** Writes {@code bytes} to a new 0600 file; never overwrites. */
    public static void writeNew(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(file.toString());
        createEmpty(file);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(bytes);
        }
    }

    /** Narrows an existing file of ours to 0600 (no-op when it is missing or the system is not POSIX). */
    static void restrict(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && posix(file)
                && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** What is readable or writable by others among the wallet file, its siblings and its folder ("" entries none). */
    public static List<String> problems(Path walletFile) throws IOException {
        List<String> out = new ArrayList<>();
        Path absolute = walletFile.toAbsolutePath();
        if (!posix(absolute)) return out;
        Path dir = absolute.getParent();
        if (Files.isDirectory(dir)) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
            if (!EnumSet.copyOf(DIRECTORY).containsAll(p)) out.add("folder " + dir + " is " + PosixFilePermissions.toString(p) + " (expected rwx------)");
        }
        for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
            Path f = absolute.resolveSibling(absolute.getFileName() + suffix);
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
            if (!EnumSet.copyOf(FILE).containsAll(p)) out.add(f.getFileName() + " is " + PosixFilePermissions.toString(p) + " (expected rw-------)");
        }
        return out;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
