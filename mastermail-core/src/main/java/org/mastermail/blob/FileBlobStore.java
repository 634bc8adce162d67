package org.mastermail.blob;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;

/**
 * A {@link BlobStore} keeping each blob as a file under a root directory, sharded by its first two pairs of hex digits
 * so that no directory grows too large: the blob {@code abcdef…} is the file {@code root/ab/cd/abcdef…}.
 *
 * <p>{@link #put} streams the content into a temporary file under {@code root/.tmp} while hashing it, forces it to
 * disk, and then atomically renames it into place, so a blob file is either absent or complete, even after a crash.
 * Putting content that is already stored leaves the stored file alone; two threads or processes putting the same
 * content at once both succeed with the same file. Temporary files a crash leaves in {@code root/.tmp} may be deleted
 * whenever no put is running.
 *
 * <pre>{@code
 * BlobStore blobs = new FileBlobStore(Path.of("/var/lib/mastermail/blobs"));
 * }</pre>
 */
public final class FileBlobStore implements BlobStore {
  private static final int BUFFER = 64 * 1024;

  private final Path root;
  private final Path temporary;

  /**
   * Uses {@code root}, creating it when it does not exist.
   *
   * @throws MasterMailException when the directories cannot be created
   */
  public FileBlobStore(Path root) {
    this.root = requireNonNull(root, "root");
    this.temporary = root.resolve(".tmp");
    try {
      Files.createDirectories(temporary);
    } catch (IOException e) {
      throw new MasterMailException("cannot create blob directory " + temporary, e);
    }
  }

  @Override
  public StoredBlob put(InputStream content) {
    requireNonNull(content, "content");
    Path written = null;
    try {
      written = Files.createTempFile(temporary, "put-", ".tmp");
      MessageDigest digest = sha256();
      long size = 0;
      try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = content.read(buffer)) >= 0; ) {
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
          size += n;
        }
        channel.force(true);
      }
      BlobId id = BlobId.ofDigest(digest.digest());
      Path target = path(id);
      if (!Files.exists(target)) {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        moveIntoPlace(written, target);
        written = null;
        forceDirectory(directory);
      }
      return new StoredBlob(id, size);
    } catch (IOException e) {
      throw new MasterMailException("cannot store a blob under " + root + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(written);
    }
  }

  private static void moveIntoPlace(Path written, Path target) throws IOException {
    try {
      // On POSIX the rename replaces a file a concurrent put of the same content moved there first: same bytes.
      Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Elsewhere it may refuse to replace; the blob is then stored all the same.
      if (!Files.exists(target)) {
        throw e;
      }
      Files.deleteIfExists(written);
    }
  }

  @Override
  public InputStream open(BlobId id) {
    requireNonNull(id, "id");
    try {
      return Files.newInputStream(path(id));
    } catch (NoSuchFileException e) {
      throw new NotFoundException("no blob " + id, e);
    } catch (IOException e) {
      throw new MasterMailException("cannot open blob " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean contains(BlobId id) {
    return Files.isRegularFile(path(requireNonNull(id, "id")));
  }

  @Override
  public long size(BlobId id) {
    requireNonNull(id, "id");
    try {
      return Files.size(path(id));
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw new MasterMailException("cannot read the size of blob " + id + ": " + e.getMessage(), e);
    }
  }

  private Path path(BlobId id) {
    String hex = id.sha256();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }

  private static void forceDirectory(Path directory) {
    // Makes the new name durable too; some platforms cannot open a directory, and the file's bytes are safe already.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // best effort, see above
    }
  }

  private static void deleteQuietly(@Nullable Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A leftover temporary file is harmless; the put's own outcome matters more.
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the platform lacks SHA-256", e);
    }
  }
}
