package org.mastermail.examples.server.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** A one-page PDF with a few lines of Helvetica, for the demo's attachments: small, valid, opens in any viewer. */
final class TinyPdf {
  private TinyPdf() {}

  /**
   * A page showing {@code lines}. The standard fonts know Latin-1 only: other letters lose their accents (ł becomes
   * l, č c), anything else becomes '?'.
   */
  static byte[] of(List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 12 Tf 56 780 Td 16 TL\n");
    for (String line : lines) {
      text.append('(').append(escape(line)).append(") '\n");
    }
    text.append("ET\n");
    byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1)
            + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static String escape(String line) {
    StringBuilder s = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        s.append('\\').append(c);
      } else {
        s.append(latin1(c));
      }
    }
    return s.toString();
  }

  private static char latin1(char c) {
    if (c <= 0xff) {
      return c;
    }
    if (c == 'ł' || c == 'Ł') {
      return c == 'ł' ? 'l' : 'L';
    }
    char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
    return base <= 0xff ? base : '?';
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
