package org.mastermail.internal.parse;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds test messages: text blocks with \n line ends become CRLF mail. */
final class Mail {
  private Mail() {}

  static ParsedMessage parse(String message) {
    return parse(crlf(message).getBytes(StandardCharsets.UTF_8));
  }

  static ParsedMessage parse(byte[] message) {
    return new MessageParser(ParseLimits.DEFAULTS).parse(new ByteArrayInputStream(message));
  }

  static ParsedMessage parse(byte[] message, ParseLimits limits) {
    return new MessageParser(limits).parse(new ByteArrayInputStream(message));
  }

  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** The message with CRLF line ends, in the given charset: raw 8-bit mail. */
  static byte[] bytes(String message, Charset charset) {
    return crlf(message).getBytes(charset);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
