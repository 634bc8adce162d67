package org.mastermail.internal.mime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A part body held while it streams past, to be read back once its end (and so its fate) is known. */
interface HeldBody extends Closeable {
  /** Takes the next bytes of the body. */
  void write(byte[] b, int off, int len) throws IOException;

  /** The number of bytes taken so far. */
  long size();

  /** Reads back everything taken so far; the caller closes the stream before closing this. */
  InputStream openInput() throws IOException;
}
