package org.mastermail.imap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;

/**
 * A {@link SyncContext} that meets a fault once, at a chosen step of one message. A fault that throws stands for a
 * crash: every later call throws too, as nothing runs after a crash.
 */
final class FaultyContext implements SyncContext {
  /** Where the fault strikes. */
  enum Step {
    /** Crash before the intake sees the message. */
    BEFORE_DELIVER,
    /** Crash after the intake committed the message, before the source acknowledges it. */
    AFTER_COMMIT,
    /** Crash after the server acknowledged, before the folder's state records it. */
    BEFORE_ACKNOWLEDGED_RECORDED,
    /** The stream the intake reads breaks after some bytes (the connection stays). */
    STREAM_BREAKS,
    /** Run the action just before the message is delivered (and go on). */
    RUN_BEFORE_DELIVER,
    /** Run the action just after the message was committed (and go on). */
    RUN_AFTER_COMMIT
  }

  private final SyncContext delegate;
  private final Step step;
  private final long uid;
  private final Runnable action;
  private final AtomicBoolean struck = new AtomicBoolean();
  private volatile boolean crashed;

  FaultyContext(SyncContext delegate, Step step, long uid) {
    this(delegate, step, uid, () -> { });
  }

  FaultyContext(SyncContext delegate, Step step, long uid, Runnable action) {
    this.delegate = delegate;
    this.step = step;
    this.uid = uid;
    this.action = action;
  }

  boolean struck() {
    return struck.get();
  }

  private boolean strikes(Step at, long itemUid) {
    return step == at && itemUid == uid && struck.compareAndSet(false, true);
  }

  private IllegalStateException crash(String where) {
    crashed = true;
    return new IllegalStateException("simulated crash " + where);
  }

  private void alive() {
    if (crashed) {
      throw new IllegalStateException("the process crashed before");
    }
  }

  @Override
  public IngestResult deliver(InputStream raw, SourceItem item) {
    alive();
    if (strikes(Step.BEFORE_DELIVER, item.uid())) {
      throw crash("before delivering UID " + item.uid());
    }
    if (strikes(Step.RUN_BEFORE_DELIVER, item.uid())) {
      action.run();
    }
    InputStream in = strikes(Step.STREAM_BREAKS, item.uid()) ? new BreakingStream(raw, 1000) : raw;
    IngestResult r = delegate.deliver(in, item);
    if (strikes(Step.AFTER_COMMIT, item.uid())) {
      throw crash("after committing UID " + item.uid());
    }
    if (strikes(Step.RUN_AFTER_COMMIT, item.uid())) {
      action.run();
    }
    return r;
  }

  @Override
  public void acknowledged(String folder, long ackUid) {
    alive();
    if (step == Step.BEFORE_ACKNOWLEDGED_RECORDED && struck.compareAndSet(false, true)) {
      throw crash("before recording the acknowledgement up to UID " + ackUid);
    }
    delegate.acknowledged(folder, ackUid);
  }

  @Override
  public FolderState folder(String folder) {
    alive();
    return delegate.folder(folder);
  }

  @Override
  public FolderState begin(String folder, long uidValidity) {
    alive();
    return delegate.begin(folder, uidValidity);
  }

  @Override
  public boolean known(String folder, String key) {
    alive();
    return delegate.known(folder, key);
  }

  @Override
  public void halt(String folder, String reason) {
    alive();
    delegate.halt(folder, reason);
  }

  @Override
  public boolean holdsLease() {
    alive();
    return delegate.holdsLease();
  }

  /** Throws an IOException once {@code limit} bytes were read. */
  static final class BreakingStream extends FilterInputStream {
    private final long limit;
    private long read;

    BreakingStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      check();
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      int n = super.read(b, off, (int) Math.min(len, limit - read));
      read += Math.max(n, 0);
      return n;
    }

    private void check() throws IOException {
      if (read >= limit) {
        throw new IOException("simulated broken stream after " + read + " bytes");
      }
    }
  }
}
