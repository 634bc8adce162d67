package org.mastermail.outbound;

import java.util.Map;

/**
 * Fills templates from a data map. Install one with {@code MasterMail.builder().templates(...)};
 * {@code mastermail-templates} provides Mustache. Implementations must fail with {@link TemplateException} on a
 * variable missing from the data (never render it as empty), and escape values for HTML when {@code html} is true.
 */
public interface TemplateRenderer {
  /** No engine installed: every rendering fails with a message saying how to install one. */
  TemplateRenderer NONE = (template, data, html) -> {
    throw new TemplateException("no template renderer installed: add mastermail-templates and call"
        + " MasterMail.builder().templates(new MustacheRenderer())");
  };

  /**
   * Renders {@code template} with {@code data}.
   *
   * @param html whether the result is HTML (values are escaped) or plain text (values are inserted as they are)
   * @throws TemplateException when the template is malformed or uses a variable that {@code data} lacks
   */
  String render(String template, Map<String, ?> data, boolean html);

  /**
   * Fails with {@link TemplateException} when {@code template} does not parse, so that a broken template is refused
   * when it is saved rather than at its first use. The default checks nothing.
   */
  default void check(String template) {}
}
