package org.mastermail.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;

class FileBlobStoreTest {
  private static final byte[] CONTENT = "the quick brown fox".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path root;

  private static BlobId sha256(byte[] bytes) throws Exception {
    return BlobId.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void putShouldStoreUnderTheSha256AndOpenShouldReturnTheBytes() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root);

    StoredBlob stored = blobs.put(new ByteArrayInputStream(CONTENT));

    assertThat(stored).isEqualTo(new StoredBlob(sha256(CONTENT), CONTENT.length));
    assertThat(blobs.contains(stored.id())).isTrue();
    assertThat(blobs.size(stored.id())).isEqualTo(CONTENT.length);
    try (InputStream in = blobs.open(stored.id())) {
      assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    }
    String hex = stored.id().sha256();
    assertThat(root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex)).isRegularFile();
  }

  @Test
  void emptyContentShouldBeStorable() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root);

    StoredBlob stored = blobs.put(new byte[0]);

    assertThat(stored).isEqualTo(new StoredBlob(sha256(new byte[0]), 0));
    assertThat(blobs.size(stored.id())).isZero();
  }

  @Test
  void identicalContentShouldBeStoredOnce() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root);

    StoredBlob first = blobs.put(CONTENT);
    StoredBlob second = new FileBlobStore(root).put(new ByteArrayInputStream(CONTENT));

    assertThat(second).isEqualTo(first);
    assertThat(files()).hasSize(1);
  }

  @Test
  void concurrentPutsOfTheSameContentShouldAllSucceed() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root);
    byte[] content = new byte[300_000];
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<StoredBlob>> puts = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        puts.add(pool.submit(() -> blobs.put(content)));
      }
      for (Future<StoredBlob> put : puts) {
        assertThat(put.get()).isEqualTo(new StoredBlob(sha256(content), content.length));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(files()).hasSize(1);
    try (InputStream in = blobs.open(sha256(content))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void unknownIdShouldBeNotFound() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root);
    BlobId unknown = sha256(CONTENT);

    assertThatThrownBy(() -> blobs.open(unknown)).isInstanceOf(NotFoundException.class);
    assertThat(blobs.contains(unknown)).isFalse();
    assertThat(blobs.size(unknown)).isEqualTo(-1);
  }

  @Test
  void failingInputShouldLeaveNoFileBehind() throws IOException {
    FileBlobStore blobs = new FileBlobStore(root);
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> blobs.put(new SequenceInputStream(new ByteArrayInputStream(new byte[100_000]), failing)))
        .isInstanceOf(MasterMailException.class).hasMessageContaining("connection reset");
    assertThat(files()).isEmpty();
  }
}
