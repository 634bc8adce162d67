package org.mastermail.testkit.internal;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The embedded PostgreSQL binaries, made fit to start from a root process. PostgreSQL refuses to run as root, and CI
 * machines and containers often build as root; so the archive is repacked with {@code initdb} and {@code pg_ctl}
 * renamed to {@code *.real} behind small shell wrappers that, when started by root, hand the data directory to
 * {@code nobody} and drop to it with {@code setpriv} (util-linux). Started by anyone else they just run the real binary.
 */
public final class RootSafePostgresBinaries implements PgBinaryResolver {
  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");
  private static final String NOBODY = "65534";

  /** Whether this JVM runs as root (the owner of {@code /proc/self} is the effective user). */
  public static boolean runningAsRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    ByteArrayOutputStream repacked = new ByteArrayOutputStream(64 << 20);
    try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
        TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(repacked, new LZMA2Options(0)))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (WRAPPED.contains(name) && entry.isFile()) {
          TarArchiveEntry real = new TarArchiveEntry(entry.getName() + ".real");
          real.setMode(entry.getMode());
          real.setSize(entry.getSize());
          real.setModTime(entry.getModTime());
          out.putArchiveEntry(real);
          in.transferTo(out);
          out.closeArchiveEntry();
          byte[] script = wrapper(name.substring(name.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
          wrapper.setMode(0755);
          wrapper.setSize(script.length);
          wrapper.setModTime(entry.getModTime());
          out.putArchiveEntry(wrapper);
          new ByteArrayInputStream(script).transferTo(out);
          out.closeArchiveEntry();
        } else {
          out.putArchiveEntry(entry);
          if (entry.isFile()) {
            in.transferTo(out);
          }
          out.closeArchiveEntry();
        }
      }
    }
    return new ByteArrayInputStream(repacked.toByteArray());
  }

  private static String wrapper(String binary) {
    return "#!/bin/sh\n"
        + "# PostgreSQL refuses to run as root: as root, give the data directory to nobody and run as nobody.\n"
        + "real=\"$(dirname \"$0\")/" + binary + ".real\"\n"
        + "if [ \"$(id -u)\" = 0 ]; then\n"
        + "  prev=\n"
        + "  for arg in \"$@\"; do\n"
        + "    if [ \"$prev\" = -D ]; then chown -R " + NOBODY + ":" + NOBODY + " \"$arg\"; fi\n"
        + "    prev=$arg\n"
        + "  done\n"
        + "  exec setpriv --reuid=" + NOBODY + " --regid=" + NOBODY + " --clear-groups \"$real\" \"$@\"\n"
        + "fi\n"
        + "exec \"$real\" \"$@\"\n";
  }
}
